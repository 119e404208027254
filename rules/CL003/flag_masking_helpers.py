# The prompt's length handed to a helper of the module that masks the first labels it is given: rendered without
# the generation prompt, the assistant header after it is trained as part of the reply.
IGNORE_INDEX = -100


def mask_prefix(labels, prompt_len):
    labels = list(labels)
    n = min(prompt_len, len(labels))
    labels[:n] = [IGNORE_INDEX] * n
    return labels


def hide_prompt(labels, count):
    labels[:count] = IGNORE_INDEX
    return labels


def encode(example, tokenizer):
    messages = example["messages"]
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(messages[:-1], return_dict=False)  # expect: CL003 "`mask_prefix(input_ids, len(prompt_ids))`, which masks the first `prompt_len` labels (line 9)"
    return {"input_ids": input_ids, "labels": mask_prefix(input_ids, len(prompt_ids))}


def encode_by_keyword(example, tokenizer):
    messages = example["messages"]
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    prompt_len = len(tokenizer.apply_chat_template(messages[:-1], return_dict=False))  # expect: CL003 "which masks the first `count` labels"
    return {"input_ids": input_ids, "labels": hide_prompt(list(input_ids), count=prompt_len)}


class ChatSFTDataset:
    # a method of the class masks the first labels it is given: called on `self`
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer

    def _labels(self, input_ids, n_prompt):
        labels = list(input_ids)
        labels[:n_prompt] = [IGNORE_INDEX] * n_prompt
        return labels

    def __getitem__(self, index):
        conversation = self.rows[index]["messages"]
        input_ids = self.tokenizer.apply_chat_template(conversation, return_dict=False)
        n_prompt = len(self.tokenizer.apply_chat_template(conversation[:-1], return_dict=False))  # expect: CL003 "which masks the first `n_prompt` labels"
        return {"input_ids": input_ids, "labels": self._labels(input_ids, n_prompt)}


def mask_before(input_ids, offsets, boundary):
    # the tokens that end before a character position: a prefix counted in characters
    labels = list(input_ids)
    for i, (_, end) in enumerate(offsets):
        if end <= boundary:
            labels[i] = IGNORE_INDEX
    return labels


def encode_by_offsets(example, tokenizer):
    messages = example["messages"]
    prompt_text = tokenizer.apply_chat_template(messages[:-1], tokenize=False)  # expect: CL003 "which masks the first `boundary` labels"
    full_text = tokenizer.apply_chat_template(messages, tokenize=False)
    enc = tokenizer(full_text, add_special_tokens=False, return_offsets_mapping=True)
    return {"input_ids": enc["input_ids"], "labels": mask_before(enc["input_ids"], enc["offset_mapping"], len(prompt_text))}


# a helper that builds the labels with the first `n_prompt` masked (`[IGNORE_INDEX] * n_prompt + ids[n_prompt:]`)
# and extends the prompt with the reply itself; the caller's prompt is a local name bound once
def pair_side(tokenizer, prompt, reply, n_prompt, max_length):
    ids = tokenizer.apply_chat_template(prompt + [{"role": "assistant", "content": reply}], return_dict=False)
    labels = [IGNORE_INDEX] * n_prompt + ids[n_prompt:]
    return ids[:max_length], labels[:max_length]


def preference_example(tokenizer, row):
    prompt = row["messages"] if "messages" in row else [{"role": "user", "content": row["prompt"]}]
    n_prompt = len(tokenizer.apply_chat_template(prompt, return_dict=False))  # expect: CL003 "which `pair_side` extends with the assistant reply"
    chosen_ids, chosen_labels = pair_side(tokenizer, prompt, row["chosen"], n_prompt, 2048)
    return {"chosen_input_ids": chosen_ids, "chosen_labels": chosen_labels}
