# The same helpers given plain texts, or tokenizing without special tokens; a helper whose list of texts mixes
# another source in.


def encode_pairs(tokenizer, prompt_texts, completions):
    return [tokenizer.encode(prompt + completion) for prompt, completion in zip(prompt_texts, completions)]


def encode_without_bos(tokenizer, prompt_texts, completions):
    return [
        tokenizer.encode(prompt + completion, add_special_tokens=False)
        for prompt, completion in zip(prompt_texts, completions)
    ]


def encode_mixed(tokenizer, prompt_texts, extra):
    texts = []
    for prompt_text in prompt_texts:
        texts.append(prompt_text)
    texts.append(extra)
    return [tokenizer.encode(text) for text in texts]


def step(tokenizer, conversations, completions, questions):
    prompt_texts = [
        tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        for conversation in conversations
    ]
    plain = encode_pairs(tokenizer, questions, completions)
    kept = encode_without_bos(tokenizer, prompt_texts, completions)
    return plain, kept, encode_mixed(tokenizer, questions, "Answer briefly.")
