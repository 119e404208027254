# A transformers `text-generation` pipeline called with a string tokenizes it with the tokenizer's special tokens
# on: a prompt rendered with `tokenize=False` gets a second BOS (handing it the messages renders them once).
import transformers
from transformers import AutoTokenizer, pipeline

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
generator = pipeline("text-generation", model="meta-llama/Llama-3.1-8B-Instruct", tokenizer=tokenizer)


def answer(messages):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return generator(prompt, max_new_tokens=64)[0]["generated_text"]  # expect: CL002 "a transformers `text-generation` pipeline"


class Judge:
    def __init__(self, checkpoint):
        self.pipe = transformers.pipeline(task="text-generation", model=checkpoint)

    def score(self, conversations):
        prompts = [
            self.pipe.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True)
            for c in conversations
        ]
        return self.pipe(prompts, add_special_tokens=True)  # expect: CL002 "with `add_special_tokens=True`"


class ActionModel:
    # a pipeline built with no task takes its model's (a causal LM's is text generation), called with generation
    # keywords
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        self.pipe = pipeline(model=name, device_map="auto")

    def act(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.pipe(prompt, max_new_tokens=64, return_full_text=False)  # expect: CL002 "a transformers `text-generation` pipeline"
