# A template without a BOS written in place, but installed only when the model has none (`if
# tokenizer.chat_template is None:`): a model with its own template (Llama 3's writes the BOS) renders with that one,
# and the tokenizer's special tokens add a second BOS.
from transformers import AutoTokenizer


class Probe:
    def __init__(self, checkpoint):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        if self.tokenizer.chat_template is None:
            self.tokenizer.chat_template = (
                "{% for message in messages %}{{ message['role'] }}: {{ message['content'] }}\n{% endfor %}"
                "{% if add_generation_prompt %}assistant: {% endif %}"
            )

    def encode(self, question):
        prompt = self.tokenizer.apply_chat_template(
            [{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True
        )
        return self.tokenizer(prompt, return_tensors="pt")  # expect: CL002 "`prompt` is rendered by"


class Ranker:
    """A template without a BOS installed for one model only (`if "vicuna" in model_name_or_path:`, no `else`):
    every other model renders with its own (Llama 2's writes `<s>`)."""

    def __init__(self, model_name_or_path):
        self.tokenizer = AutoTokenizer.from_pretrained(model_name_or_path)
        if "vicuna" in model_name_or_path:
            self.tokenizer.chat_template = (
                "{% for message in messages %}{{ ' ' + message['role'].upper() + ': ' + message['content'] }}"
                "{% endfor %}{% if add_generation_prompt %}{{ ' ASSISTANT:' }}{% endif %}"
            )

    def score(self, question):
        prompt = self.tokenizer.apply_chat_template(
            [{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True
        )
        return self.tokenizer(prompt, return_tensors="pt").input_ids  # expect: CL002 "`prompt` is rendered by"
