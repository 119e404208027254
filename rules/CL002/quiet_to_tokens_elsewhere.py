# A `to_tokens` in a project that neither imports nor declares TransformerLens (or sae-lens): some other library's
# method of that name, which is not assumed to add a BOS.


def encode_chat(encoder, tokenizer, prompt):
    text = tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False)
    return encoder.to_tokens(text)
