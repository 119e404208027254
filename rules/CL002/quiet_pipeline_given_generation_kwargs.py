# The caller's `**kwargs` handed as they are to the pipeline (also beside settings of the call's own), or a dict
# that names the flag itself: which special tokens the call adds, the code does not say.
from transformers import AutoTokenizer, pipeline

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


class Evaluator:
    def __init__(self):
        self.tokenizer = AutoTokenizer.from_pretrained(MODEL)
        self.pipe = pipeline("text-generation", model=MODEL, tokenizer=self.tokenizer)

    def generate(self, messages, **kwargs):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.pipe(prompt, **kwargs, return_full_text=False)

    def generate_settings(self, messages, add_special_tokens=False, **kwargs):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        settings = {"max_new_tokens": 256, "add_special_tokens": add_special_tokens, **kwargs}
        return self.pipe(prompt, **settings)
