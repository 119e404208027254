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


class PromptBuilder:
    # (a method that renders a conversation it builds, not one it is given, and takes the BOS off)
    def __init__(self, tok, system):
        self.tok = tok
        self.system = system

    def render(self, messages):
        conversation = [{"role": "system", "content": self.system}, *messages]
        text = self.tok.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        return strip_leading_bos(text, self.tok)
