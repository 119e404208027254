def strip_leading_bos(text, tokenizer):
    bos = tokenizer.bos_token
    if bos and text.startswith(bos):
        return text[len(bos) :]
    return text
