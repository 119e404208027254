# Asking whether the render gave anything (`len(out) > 0`, `if len(ids):`): a `BatchEncoding` of those ids answers
# alike, so nothing here uses it as a list.


def is_chat_tokenizer(tokenizer):
    try:
        out = tokenizer.apply_chat_template([{"role": "user", "content": "Hi"}])
        return bool(out and len(out) > 0)
    except Exception:
        return False


def has_template(tokenizer, messages):
    ids = tokenizer.apply_chat_template(messages)
    if len(ids):
        return True
    return len(ids) == 0 and False
