# The training formatter sets the class attribute again (`add_generation_prompt = False`), in its own body or in
# `__init__`: its renders end with the reply, however the serving base class renders.
class ChatFormatter:
    add_generation_prompt = True

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def render(self, messages):
        return self.tokenizer.apply_chat_template(
            messages, tokenize=True, add_generation_prompt=self.add_generation_prompt, return_dict=False
        )


class SFTFormatter(ChatFormatter):
    add_generation_prompt = False

    def __call__(self, messages):
        if messages[-1]["role"] != "assistant":
            raise ValueError("an SFT session ends with the reply")
        ids = self.render(messages)
        return {"input_ids": ids, "labels": list(ids)}


class PackedFormatter(ChatFormatter):
    def __init__(self, tokenizer):
        super().__init__(tokenizer)
        self.add_generation_prompt = False

    def __call__(self, messages):
        ids = self.render(messages)
        return {"input_ids": ids, "labels": list(ids)}


def encode_all(tokenizer, sessions):
    formatter = SFTFormatter(tokenizer)
    packed = PackedFormatter(tokenizer)
    return [formatter(session) for session in sessions] + [packed(session).get("input_ids") for session in sessions]
