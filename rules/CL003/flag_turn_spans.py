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


# The spans returned as a list of (start, end) pairs, for a label builder (or a probe) to read: each starts at the
# length of the turns before the reply, rendered without the generation prompt.
def assistant_token_spans(tokenizer, messages):
    spans = []
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        before = tokenizer.apply_chat_template(messages[:i], return_dict=False)  # expect: CL003 "the span of the reply"
        upto = tokenizer.apply_chat_template(messages[: i + 1], return_dict=False)
        spans.append((len(before), len(upto)))
    return spans


def answer_span(tokenizer, question, answer):
    conversation = [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
    full = tokenizer.apply_chat_template(conversation, return_dict=False)
    user_only = tokenizer.apply_chat_template(conversation[:1], return_dict=False)  # expect: CL003 "the span of the reply"
    span_start = len(user_only)
    span_end = len(full)
    return full, (span_start, span_end)


def turn_ids_of(tokenizer, messages):
    # each token marked with the reply it belongs to (-1 for the context), from the prefix's length on: the prefix
    # stops before the assistant header, which is marked as part of the reply
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    turn_ids = [-1] * len(input_ids)
    turn = 0
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        start = len(tokenizer.apply_chat_template(messages[:i], return_dict=False))  # expect: CL003 "`turn_ids[t] = turn`"
        end = len(tokenizer.apply_chat_template(messages[: i + 1], return_dict=False))
        for t in range(start, min(end, len(input_ids))):
            turn_ids[t] = turn
        turn += 1
    return input_ids, turn_ids
