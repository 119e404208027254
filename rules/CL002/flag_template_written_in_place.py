# The twin of quiet_template_written_in_place.py whose template, written in place, starts with the BOS token: the
# tokenizer's special tokens add a second one.
from transformers import AutoTokenizer


def load_tokenizer(path):
    tokenizer = AutoTokenizer.from_pretrained(path)
    tokenizer.chat_template = (
        "{{ bos_token }}{% for message in messages %}"
        "{{'[' + message['role'] + '] ' + message['content'] + '\\n'}}"
        "{% endfor %}"
    )
    return tokenizer


def encode(tokenizer, question):
    messages = [{"role": "user", "content": question}]
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return tokenizer.encode(prompt)  # expect: CL002 "for chat templates that begin with one"
