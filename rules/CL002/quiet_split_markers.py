# The part after the marker does not start with the render's BOS, and the first part tokenized without special
# tokens is right.
_SPLITTER = "<<cut>>"


def reply_template(tokenizer):
    messages = [{"role": "user", "content": "x"}, {"role": "assistant", "content": _SPLITTER}]
    return tokenizer.apply_chat_template(messages, tokenize=False).split(_SPLITTER)[1]


def reply_ids(tokenizer):
    return tokenizer.encode(reply_template(tokenizer))


def codegen(model, tokenizer, task):
    messages = [{"role": "user", "content": task}, {"role": "assistant", "content": _SPLITTER}]
    prompt = tokenizer.apply_chat_template(messages, tokenize=False).split(_SPLITTER)[0]
    input_ids = tokenizer.encode(prompt, return_tensors="pt", add_special_tokens=False)
    return model.generate(input_ids, max_new_tokens=512)
