# The twins of flag_registry_of_backends.py: no class of the registry tokenizes the prompt with special tokens on
# (the transformers backend turns them off), or the one that tokenizes with them on does so in a method that is not
# the one called (a count for a budget).
from transformers import AutoModelForCausalLM, AutoTokenizer


class HFBackend:
    def __init__(self, name):
        self.tok = AutoTokenizer.from_pretrained(name)
        self.model = AutoModelForCausalLM.from_pretrained(name)

    def generate(self, prompt, max_new_tokens=128):
        inputs = self.tok(prompt, add_special_tokens=False, return_tensors="pt")
        out = self.model.generate(**inputs, max_new_tokens=max_new_tokens)
        return self.tok.decode(out[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)

    def count(self, text):
        return len(self.tok(text)["input_ids"])


class EchoBackend:
    def __init__(self, name):
        self.name = name

    def generate(self, prompt, max_new_tokens=128):
        return prompt

    def count(self, text):
        return len(text.split())


BACKENDS = {"hf": HFBackend, "echo": EchoBackend}


def get_backend(kind, name):
    return BACKENDS[kind](name)


def answer(kind, model, question):
    tok = AutoTokenizer.from_pretrained(model)
    backend = BACKENDS[kind](model)
    prompt = tok.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return backend.generate(prompt)


def answer_all(kind, model, questions):
    tok = AutoTokenizer.from_pretrained(model)
    backend = get_backend(kind, model)
    prompts = [tok.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True) for q in questions]
    return [backend.generate(prompt) for prompt in prompts]
