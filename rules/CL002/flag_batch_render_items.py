# A render of a batch of conversations gives a list of texts: the items rewritten in a comprehension (the start of
# each reply added) still begin with the template's BOS, which the tokenizer adds again.


def tokenize_batch(tokenizer, batch_messages, reply_starts):
    texts = tokenizer.apply_chat_template(batch_messages, add_generation_prompt=True, tokenize=False)
    texts = [text + start for (text, start) in zip(texts, reply_starts)]
    return tokenizer(texts, return_tensors="pt", padding=True)  # expect: CL002 "`texts` holds texts rendered by"


def tokenize_suffixed(tokenizer, batch_messages):
    rendered = tokenizer.apply_chat_template(batch_messages, add_generation_prompt=True, tokenize=False)
    return tokenizer([text + "<think>\n" for text in rendered], return_tensors="pt", padding=True)  # expect: CL002 "holds texts rendered by"
