# Tokenizer loaders: one installs the project's ChatML template (no BOS in it), the other keeps the model's own.
from transformers import AutoTokenizer

CHATML_TEMPLATE = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def setup_chatml_tokenizer(name):
    tokenizer = AutoTokenizer.from_pretrained(name, padding_side="left")
    tokenizer.chat_template = CHATML_TEMPLATE
    return tokenizer


def load_tokenizer(name):
    return AutoTokenizer.from_pretrained(name, padding_side="left")
