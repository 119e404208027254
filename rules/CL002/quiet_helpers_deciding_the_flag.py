# Helpers that hand the tokenizer their caller's `**kwargs` but decide `add_special_tokens` on them themselves:
# from whether the texts already start with the BOS, or by a default of their own. What a caller passes (nothing,
# here) is not what reaches the tokenizer, so a render handed to them is not tokenized with special tokens on.
# (The twins in flag_kwargs_helpers.py leave the flag to their callers.)


def tokenize_batch(texts, tokenizer, **kwargs):
    if "add_special_tokens" not in kwargs:
        has_bos = tokenizer.bos_token is not None and any(text.startswith(tokenizer.bos_token) for text in texts)
        kwargs["add_special_tokens"] = not has_bos
    return tokenizer(texts, return_tensors="pt", padding=True, **kwargs)


def encode_plain(tokenizer, text, **kwargs):
    kwargs.setdefault("add_special_tokens", False)
    return tokenizer(text, **kwargs)


def generate_all(model, tokenizer, questions):
    prompts = [
        tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
        for q in questions
    ]
    batch = tokenize_batch(prompts, tokenizer)
    first = encode_plain(tokenizer, prompts[0])
    return model.generate(**batch), first
