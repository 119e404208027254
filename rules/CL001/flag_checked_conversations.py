# The code checks how the conversation ends before it renders it whole with the generation prompt: an `if ...:
# raise` guard, or a helper of the module that raises unless the last turn is the assistant's (and hands back the
# prompt and the reply). A wrapper of the module that checks its own parameter is judged inside, not at its calls.
import torch


def split_reply(conv):
    if not conv or conv[-1]["role"] != "assistant":
        raise ValueError("expected a conversation that ends with the reply")
    return conv[:-1], conv[-1]


def to_text(example, tokenizer):
    conv = example["messages"]
    if conv[-1]["role"] != "assistant":
        raise ValueError("not a training row")
    return {"text": tokenizer.apply_chat_template(conv, tokenize=False, add_generation_prompt=True)}  # expect: CL001 "(checked)"


class ReplyScorer:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def _full_ids(self, conv):
        prompt, _ = split_reply(conv)
        return self.tokenizer.apply_chat_template(conv, add_generation_prompt=True, return_dict=False)  # expect: CL001 "checked by `split_reply`"

    @torch.no_grad()
    def score(self, conv):
        ids = torch.tensor([self._full_ids(conv)])
        return self.model(ids).logits.log_softmax(-1)
