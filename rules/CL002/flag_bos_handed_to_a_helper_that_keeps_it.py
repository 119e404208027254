# A wrapper that hands its rendered text and the BOS token to a helper named for putting the BOS in (or making sure
# it is there): the text still starts with the BOS, and the tokenizer adds its own in front of it.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def ensure_prefix(text, prefix):
    return text if text.startswith(prefix) else prefix + text


def render(tok, messages):
    text = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return ensure_prefix(text, tok.bos_token)


def encode(question):
    return tokenizer(render(tokenizer, [{"role": "user", "content": question}]))["input_ids"]  # expect: CL002 "already starts with the template's BOS"
