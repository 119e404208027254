# The module installs its own ChatML template, written in place where it loads the tokenizer: what it renders starts
# with `<|im_start|>`, no BOS, so the tokenizer's special tokens add the only one there is.
from transformers import AutoTokenizer


def load_tokenizer(path):
    tokenizer = AutoTokenizer.from_pretrained(path)
    tokenizer.chat_template = (
        "{% for message in messages %}"
        "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
        "{% endfor %}"
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
    )
    return tokenizer


def encode(tokenizer, question):
    messages = [{"role": "user", "content": question}]
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return tokenizer.encode(prompt)


class Ranker:
    """A template without a BOS for each kind of model the class takes (`if ... elif ... else`): no path renders with
    a model's own."""

    def __init__(self, model_name_or_path):
        self.tokenizer = AutoTokenizer.from_pretrained(model_name_or_path)
        if "vicuna" in model_name_or_path:
            self.tokenizer.chat_template = (
                "{% for message in messages %}{{ ' ' + message['role'].upper() + ': ' + message['content'] }}"
                "{% endfor %}{% if add_generation_prompt %}{{ ' ASSISTANT:' }}{% endif %}"
            )
        else:
            self.tokenizer.chat_template = (
                "{% for message in messages %}{{ message['role'] + ': ' + message['content'] + '\\n' }}"
                "{% endfor %}{% if add_generation_prompt %}{{ 'assistant: ' }}{% endif %}"
            )

    def score(self, question):
        prompt = self.tokenizer.apply_chat_template(
            [{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True
        )
        return self.tokenizer(prompt, return_tensors="pt").input_ids
