from transformers import AutoModelForCausalLM, AutoTokenizer


class HFBackend:
    def __init__(self, name):
        self.tok = AutoTokenizer.from_pretrained(name)
        self.model = AutoModelForCausalLM.from_pretrained(name)

    def generate(self, prompt, max_new_tokens=128):
        inputs = self.tok(prompt, return_tensors="pt")
        out = self.model.generate(**inputs, max_new_tokens=max_new_tokens)
        return self.tok.decode(out[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)


class EchoBackend:
    def __init__(self, name):
        self.name = name

    def generate(self, prompt, max_new_tokens=128):
        return prompt


BACKENDS = {"hf": HFBackend, "echo": EchoBackend}


def get_backend(kind, name):
    return BACKENDS[kind](name)
