# One attribute holds the engine of the backend the configuration names, built on several paths; the call under the
# same test of the kind as the SGLang path is SGLang's, which tokenizes a text prompt with special tokens on.
import sglang
from transformers import AutoModelForCausalLM, AutoTokenizer


class Backend:
    def __init__(self, kind, path):
        self.kind = kind
        self.path = path
        self.tokenizer = AutoTokenizer.from_pretrained(path)

    def load(self):
        if self.kind == "sglang":
            self._m = sglang.Engine(model_path=self.path)
        else:
            self._m = AutoModelForCausalLM.from_pretrained(self.path)

    def generate(self, messages):
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        if self.kind == "sglang":
            return self._m.generate(text, sampling_params={"max_new_tokens": 64})["text"]  # expect: CL002 "SGLang's `Engine.generate`"
        inputs = self.tokenizer(text, return_tensors="pt", add_special_tokens=False)
        return self._m.generate(**inputs, max_new_tokens=64)
