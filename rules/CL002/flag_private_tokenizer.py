# A tokenizer kept in a private attribute (`self._tok`) is a tokenizer too, and so is one under a name that says so
# (`tokenizer_instance`).


class ChatEncoder:
    def __init__(self, tok):
        self._tok = tok

    def encode_chat(self, messages):
        text = self._tok.apply_chat_template(messages, tokenize=False)
        return self._tok(text, truncation=True)["input_ids"]  # expect: CL002 "`text` is rendered by `self._tok.apply_chat_template(..., tokenize=False)`"


def calibration_ids(samples, tokenizer_instance):
    # a tokenizer under a name that says it is one (`tokenizer_instance`, `self._tokenizer_obj`)
    texts = [tokenizer_instance.apply_chat_template(sample["messages"], tokenize=False) for sample in samples]
    return [tokenizer_instance.encode(text, add_special_tokens=True) for text in texts]  # expect: CL002 "with `add_special_tokens=True`"
