# Renders that tokenize and return what the tokenizer gives: a list of ids up to transformers 4, a `BatchEncoding`
# from 5 on (`build`, `render_ids`); `build_encoding` asks for the dict and `build_text` for text, which every
# version gives alike. This module never uses the results itself: its callers decide.


class ChatPrompter:
    def __init__(self, tokenizer, system=None):
        self.tokenizer = tokenizer
        self.system = system

    def _turns(self, turns):
        return list(turns) if self.system is None else [{"role": "system", "content": self.system}, *turns]

    def build(self, turns, add_generation_prompt=False):
        return self.tokenizer.apply_chat_template(self._turns(turns), add_generation_prompt=add_generation_prompt)

    def build_encoding(self, turns):
        return self.tokenizer.apply_chat_template(self._turns(turns), return_dict=True)

    def build_text(self, turns):
        return self.tokenizer.apply_chat_template(self._turns(turns), tokenize=False)


def render_ids(tok, messages, add_generation_prompt=False):
    ids = tok.apply_chat_template(messages, add_generation_prompt=add_generation_prompt)
    return ids


def render_list(tok, messages):
    # written for both kinds of result: a `BatchEncoding` is made a list of ids before it is returned
    out = tok.apply_chat_template(messages, add_generation_prompt=True)
    if hasattr(out, "input_ids"):
        return list(out["input_ids"])
    return out
