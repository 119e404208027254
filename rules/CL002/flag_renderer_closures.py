# A factory of the module returns a function it defines that renders the messages it is given as text; a script
# and a class tokenize what it renders with special tokens on.
from transformers import AutoTokenizer


def make_renderer(tokenizer, add_generation_prompt=True):
    def render(messages):
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)

    return render


def encode_all(model_name, conversations):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    render = make_renderer(tokenizer)
    texts = [render(messages) for messages in conversations]
    return tokenizer(texts, padding=True)  # expect: CL002 "(the renderer `render` made by `make_renderer` (line 8))"


class Scorer:
    def __init__(self, model_name):
        self.tokenizer = AutoTokenizer.from_pretrained(model_name)
        self.render = make_renderer(self.tokenizer, add_generation_prompt=False)

    def encode(self, messages):
        return self.tokenizer.encode(self.render(messages))  # expect: CL002 "made by `make_renderer`"
