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
