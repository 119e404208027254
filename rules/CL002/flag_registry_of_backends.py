# Backends chosen at run time through a registry of classes that share no base: an instance built through it
# (`BACKENDS[kind](model)`, or a factory that returns one) runs `HFBackend.generate` for the key "hf", which
# tokenizes the rendered prompt with special tokens on: a second BOS on those runs.
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


def answer(kind, model, question):
    tok = AutoTokenizer.from_pretrained(model)
    backend = BACKENDS[kind](model)
    prompt = tok.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return backend.generate(prompt)  # expect: CL002 "through the helper `HFBackend.generate`"


def answer_all(kind, model, questions):
    tok = AutoTokenizer.from_pretrained(model)
    backend = get_backend(kind, model)
    prompts = [tok.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True) for q in questions]
    return [backend.generate(prompt) for prompt in prompts]  # expect: CL002 "through the helper `HFBackend.generate`"
