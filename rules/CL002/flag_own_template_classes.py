# A class of the project's own with an `apply_chat_template` method that renders text (`tokenize=False` inside) and
# a `generate` that tokenizes what it is given: the caller renders with the class's method and generates from the
# text, so the template's BOS is doubled.
from transformers import AutoModelForCausalLM, AutoTokenizer


class ChatEngine:
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        self.model = AutoModelForCausalLM.from_pretrained(name)

    def apply_chat_template(self, messages, add_generation_prompt=True):
        return self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=add_generation_prompt
        )

    def generate(self, prompt, max_new_tokens=128):
        inputs = self.tokenizer(prompt, return_tensors="pt")
        return self.model.generate(**inputs, max_new_tokens=max_new_tokens)


def chat(name, messages):
    engine = ChatEngine(name)
    prompt = engine.apply_chat_template(messages)
    return engine.generate(prompt)  # expect: CL002 "(the wrapper `ChatEngine.apply_chat_template`)"
