# The same backends: under the SGLang test the engine is given token ids; a call under no test of the kind may
# reach either model, and is left alone.
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
        ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        if self.kind == "sglang":
            return self._m.generate(input_ids=ids, sampling_params={"max_new_tokens": 64})["text"]
        return self._m.generate(ids, max_new_tokens=64)

    def complete(self, messages):
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self._m.generate(text)
