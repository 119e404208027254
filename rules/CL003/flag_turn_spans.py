# Multi-turn datasets that train every assistant turn: each turn's prompt (the turns before it) is rendered through a
# helper, measured by a helper, and its span handed out by a generator.
IGNORE_INDEX = -100


def render_turns(tokenizer, turns, add_generation_prompt=False):
    return tokenizer.apply_chat_template(list(turns), tokenize=False, add_generation_prompt=add_generation_prompt)


def count_tokens(tokenizer, text):
    return len(tokenizer(text, add_special_tokens=False)["input_ids"])


class TurnSpans:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def _spans(self, turns):
        for index, turn in enumerate(turns):
            if turn["role"] == "assistant":
                before = render_turns(self.tokenizer, turns[:index])  # expect: CL003 "masks the labels at `labels[first:last] = input_ids[first:last]` in `TurnSpans.encode`"
                first = count_tokens(self.tokenizer, before)
                last = count_tokens(self.tokenizer, render_turns(self.tokenizer, turns[: index + 1]))
                yield first, last

    def encode(self, turns):
        input_ids = self.tokenizer(render_turns(self.tokenizer, turns), add_special_tokens=False)["input_ids"]
        labels = [IGNORE_INDEX] * len(input_ids)
        for first, last in self._spans(turns):
            labels[first:last] = input_ids[first:last]
        return {"input_ids": input_ids, "labels": labels}


def encode_in_place(tokenizer, turns):
    text = render_turns(tokenizer, turns)
    input_ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    labels = [IGNORE_INDEX] * len(input_ids)
    for index, turn in enumerate(turns):
        if turn["role"] == "assistant":
            start = count_tokens(tokenizer, render_turns(tokenizer, turns[:index]))  # expect: CL003 "through the wrapper `render_turns`"
            end = count_tokens(tokenizer, render_turns(tokenizer, turns[: index + 1]))
            labels[start:end] = input_ids[start:end]
    return {"input_ids": input_ids, "labels": labels}
