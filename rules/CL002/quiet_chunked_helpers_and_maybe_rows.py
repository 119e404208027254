# A helper that tokenizes a text cut after its start (`text[len(prefix):]`), chunks of plain texts, and a row
# function's rendered row tokenized without special tokens.
def _generate(prompts, model, tokenizer, batch_size=4):
    completions = []
    for start in range(0, len(prompts), batch_size):
        encoded = tokenizer(prompts[start : start + batch_size], return_tensors="pt", padding=True)
        completions.extend(model.generate(**encoded))
    return completions


def log_completions(model, tokenizer, rows):
    return _generate([row["text"] for row in rows], model, tokenizer)


def tail_ids(text, prefix, tokenizer):
    return tokenizer(text[len(prefix) :])["input_ids"]


def reply_ids(conversation, tokenizer):
    rendered = tokenizer.apply_chat_template(conversation, tokenize=False)
    return tail_ids(rendered, tokenizer.bos_token, tokenizer)


def render(example, tokenizer):
    return {"prompt": tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)}


def maybe_render(example, tokenizer):
    if isinstance(example["prompt"], list):
        return render(example, tokenizer)
    return example


def encode(example, tokenizer):
    return tokenizer(maybe_render(example, tokenizer)["prompt"], add_special_tokens=False)


def _score(texts, model, tokenizer, batch_size=16):
    scores = []
    for i in range((len(texts) + batch_size - 1) // batch_size):
        batch = texts[i * batch_size : (i + 1) * batch_size]
        scores.extend(model(**tokenizer(batch, return_tensors="pt", padding=True)).logits)
    return scores


def label_rewards(model, tokenizer, conversations):
    # the chunks of renders tokenized by a helper that turns special tokens off, or plain texts
    texts = [tokenizer.apply_chat_template(conversation, tokenize=False) for conversation in conversations]
    _score([text.removeprefix(tokenizer.bos_token) for text in texts], model, tokenizer)
    return _score([c[-1]["content"] for c in conversations], model, tokenizer)
