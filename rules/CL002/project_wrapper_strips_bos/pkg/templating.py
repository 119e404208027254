from .textutil import strip_leading_bos


def render_text(tok, messages):
    text = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    bos = tok.bos_token
    if bos and text.startswith(bos):
        text = text[len(bos) :]
    return text


def render_plain(tok, messages):
    return tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def render_stripped(tok, messages):
    text = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return strip_leading_bos(text, tok)
