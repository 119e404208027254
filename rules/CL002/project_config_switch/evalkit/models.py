# The render goes to the tokenizer with `add_special_tokens` read from a configuration field of another module: the
# default the field's class declares decides (a configuration may change it: no fix is offered).
from transformers import AutoTokenizer

from .config import ChatArgs, ModelArgs


class ChatLM:
    def __init__(self, args: ModelArgs):
        self.args = args
        self.tokenizer = AutoTokenizer.from_pretrained(args.pretrained)

    def render(self, context):
        messages = [{"role": "user", "content": context}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def encode(self, context):
        special = self.args.add_bos_token
        return self.tokenizer(self.render(context), add_special_tokens=special)  # expect: CL002 "set by the default of the configuration field `ModelArgs.add_bos_token`"


class ChatModel:
    """Its configuration class declares `add_bos_token = False`: quiet."""

    def __init__(self, args: ChatArgs):
        self.args = args
        self.tokenizer = AutoTokenizer.from_pretrained(args.pretrained)

    def encode(self, context):
        messages = [{"role": "user", "content": context}]
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.tokenizer(text, add_special_tokens=self.args.add_bos_token)


def encode_with(cfg: ModelArgs, tokenizer, context):
    text = tokenizer.apply_chat_template([{"role": "user", "content": context}], tokenize=False)
    return tokenizer(text, add_special_tokens=cfg.add_bos_token)  # expect: CL002 "`ModelArgs.add_bos_token`"
