# A serving formatter sets `add_generation_prompt = True` as a class attribute; the training formatter subclasses it
# and inherits the header, so every supervised example ends with an empty assistant header. Reported where the
# subclass renders (the base class's value is right for serving: no fix edits it).
class ChatFormatter:
    add_generation_prompt = True

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def render(self, messages):
        return self.tokenizer.apply_chat_template(
            messages, tokenize=True, add_generation_prompt=self.add_generation_prompt, return_dict=False
        )


class SFTFormatter(ChatFormatter):
    def __call__(self, messages):
        if messages[-1]["role"] != "assistant":
            raise ValueError("an SFT session ends with the reply")
        ids = self.render(messages)  # expect: CL001 "set by the class attribute `add_generation_prompt` of `ChatFormatter`"
        return {"input_ids": ids, "labels": list(ids)}


def encode_all(tokenizer, sessions):
    formatter = SFTFormatter(tokenizer)
    return [formatter(session) for session in sessions]
