# A key looked up in what the render returns, ids asked for as a list, and a method that returns something else
# than its render: none uses a `BatchEncoding` as ids.


def prompt_ids(tokenizer, messages):
    out = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    if "input_ids" in out:
        return out["input_ids"]
    return out


def extended(tokenizer, messages):
    ids = []
    ids += tokenizer.apply_chat_template(messages, return_dict=False)
    return ids


class Counter:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def _count(self, messages, tokenize=False):
        result = self.tokenizer.apply_chat_template(messages, tokenize=tokenize)
        return len(result["input_ids"]) if tokenize else len(result)

    def total(self, conversations):
        total = []
        for messages in conversations:
            total += [self._count(messages, tokenize=True)]
        return total
