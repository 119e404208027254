# Nothing appended after the render, or appended to plain text that no template rendered.


def plain_document(example, tokenizer):
    return {"text": example["text"] + tokenizer.eos_token}


def rendered_only(example, tokenizer):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


def reassigned(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    text = example["raw"]
    return text + tokenizer.eos_token


def guarded(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    if not text.endswith(tokenizer.eos_token):
        text += tokenizer.eos_token
    return {"text": text}


def prompt_text_tokenized(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    reply_ids = tokenizer(example["reply"], add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    return {"input_ids": prompt_ids + reply_ids}
