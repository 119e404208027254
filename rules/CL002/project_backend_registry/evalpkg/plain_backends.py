from transformers import AutoModelForCausalLM, AutoTokenizer


class PlainHFBackend:
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


PLAIN_BACKENDS = {"hf": PlainHFBackend, "echo": EchoBackend}


def get_plain_backend(kind, name):
    return PLAIN_BACKENDS[kind](name)
