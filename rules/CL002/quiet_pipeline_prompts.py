# The twins of flag_pipeline_prompts.py: the pipeline given the messages (it renders them once), a rendered prompt
# handed over without special tokens, a pipeline of another task, and a plain document.
from transformers import AutoTokenizer, pipeline

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
generator = pipeline("text-generation", model="meta-llama/Llama-3.1-8B-Instruct", tokenizer=tokenizer)
classifier = pipeline("text-classification", model="meta-llama/Llama-Guard-3-8B")


def answer(messages):
    return generator(messages, max_new_tokens=64)[0]["generated_text"]


def answer_rendered(messages):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return generator(prompt, max_new_tokens=64, add_special_tokens=False)


def moderate(messages):
    return classifier(tokenizer.apply_chat_template(messages, tokenize=False))


def complete(document):
    return generator(document, max_new_tokens=64)


class Labeller:
    # a pipeline built with no task, called with no generation keyword (a classifier's, maybe): its task is unknown
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        self.pipe = pipeline(model=name)

    def label(self, messages):
        return self.pipe(self.tokenizer.apply_chat_template(messages, tokenize=False), top_k=1)


class GenerationTask:
    """The caller's `**kwargs` read for the flag too, or read for nothing: they may turn special tokens off."""

    def __init__(self, name):
        self.pipeline = pipeline(model=name)
        self.tokenizer = self.pipeline.tokenizer

    def generate(self, messages, **kwargs):
        kwargs.pop("max_new_tokens", None)
        kwargs.setdefault("add_special_tokens", False)
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.pipeline(prompt, max_new_tokens=64, **kwargs)

    def generate_with(self, messages, **kwargs):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.pipeline(prompt, max_new_tokens=64, **kwargs)
