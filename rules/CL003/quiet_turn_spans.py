# The same multi-turn datasets with each turn's prompt rendered with its generation prompt: the span starts after
# the assistant header. Spans and counts that are not made from a prompt render say nothing.
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
                before = render_turns(self.tokenizer, turns[:index], add_generation_prompt=True)
                first = count_tokens(self.tokenizer, before)
                last = count_tokens(self.tokenizer, render_turns(self.tokenizer, turns[: index + 1]))
                yield first, last

    def encode(self, turns):
        input_ids = self.tokenizer(render_turns(self.tokenizer, turns), add_special_tokens=False)["input_ids"]
        labels = [IGNORE_INDEX] * len(input_ids)
        for first, last in self._spans(turns):
            labels[first:last] = input_ids[first:last]
        return {"input_ids": input_ids, "labels": labels}


def budget_spans(tokenizer, documents, budget):
    # counts of plain documents: no render is measured
    for document in documents:
        used = count_tokens(tokenizer, document)
        yield used, budget - used


def encode_documents(tokenizer, documents, budget):
    labels = []
    for used, left in budget_spans(tokenizer, documents, budget):
        labels[used:left] = [IGNORE_INDEX] * (left - used)
    return labels


# Spans returned as (start, end) pairs from prompts rendered with the generation prompt, and pairs of counts that
# are no span (token statistics of a prompt and its conversation).
def assistant_token_spans(tokenizer, messages):
    spans = []
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        before = tokenizer.apply_chat_template(messages[:i], add_generation_prompt=True, return_dict=False)
        upto = tokenizer.apply_chat_template(messages[: i + 1], return_dict=False)
        spans.append((len(before), len(upto)))
    return spans


def token_counts(tokenizer, messages):
    counts = []
    prompt = tokenizer.apply_chat_template(messages[:-1], return_dict=False)
    full = tokenizer.apply_chat_template(messages, return_dict=False)
    counts.append((len(prompt), len(full)))
    return counts
