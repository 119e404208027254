# The twins of flag_pass_through_helpers.py: the same helpers given plain documents, a helper that cuts the start
# off, and a render tokenized without special tokens.


def add_eos(text, eos_token):
    return text + eos_token


def drop_bos(text, bos_token):
    return text[len(bos_token) :] if text.startswith(bos_token) else text


def encode_document(tokenizer, document):
    return tokenizer(add_eos(document, tokenizer.eos_token), truncation=True)


def encode_example(tokenizer, messages):
    text = drop_bos(tokenizer.apply_chat_template(messages, tokenize=False), tokenizer.bos_token)
    return tokenizer(text, truncation=True)


def encode_off(tokenizer, messages):
    text = add_eos(tokenizer.apply_chat_template(messages, tokenize=False), tokenizer.eos_token)
    return tokenizer(text, add_special_tokens=False)
