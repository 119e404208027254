# Helpers that mask the first labels they are given, handed a prompt rendered with the generation prompt, or handed
# something else than the prompt's length; and helpers that do not mask a prefix.
IGNORE_INDEX = -100


def mask_prefix(labels, prompt_len):
    labels = list(labels)
    labels[:prompt_len] = [IGNORE_INDEX] * prompt_len
    return labels


def keep_prefix(labels, prompt_len):
    # copies the prompt's ids: no mask
    labels = list(labels)
    labels[:prompt_len] = labels[:prompt_len]
    return labels


def mask_after(labels, start):
    labels = list(labels)
    labels[start:] = [IGNORE_INDEX] * (len(labels) - start)
    return labels


def encode(example, tokenizer):
    messages = example["messages"]
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True, return_dict=False)
    return {"input_ids": input_ids, "labels": mask_prefix(input_ids, len(prompt_ids))}


def encode_other(example, tokenizer, system_len):
    messages = example["messages"]
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(messages[:-1], return_dict=False)
    labels = mask_prefix(input_ids, system_len)
    labels = keep_prefix(labels, len(prompt_ids))
    return {"input_ids": input_ids, "labels": mask_after(labels, len(prompt_ids))}


class ChatSFTDataset:
    # the method that masks the first labels gets the length of a prompt rendered with the generation prompt
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
        prompt = self.tokenizer.apply_chat_template(conversation[:-1], add_generation_prompt=True, return_dict=False)
        return {"input_ids": input_ids, "labels": self._labels(input_ids, len(prompt))}


def mask_before(input_ids, offsets, boundary):
    labels = list(input_ids)
    for i, (_, end) in enumerate(offsets):
        if end <= boundary:
            labels[i] = IGNORE_INDEX
    return labels


def keep_before(input_ids, offsets, boundary):
    # sets nothing to the ignore value under its test: not a mask
    kept = []
    for i, (_, end) in enumerate(offsets):
        if end <= boundary:
            kept.append(input_ids[i])
    return kept


def encode_by_offsets(example, tokenizer):
    messages = example["messages"]
    prompt_text = tokenizer.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
    full_text = tokenizer.apply_chat_template(messages, tokenize=False)
    enc = tokenizer(full_text, add_special_tokens=False, return_offsets_mapping=True)
    return {"input_ids": enc["input_ids"], "labels": mask_before(enc["input_ids"], enc["offset_mapping"], len(prompt_text))}


def prompt_tokens(example, tokenizer):
    messages = example["messages"]
    prompt_text = tokenizer.apply_chat_template(messages[:-1], tokenize=False)
    full_text = tokenizer.apply_chat_template(messages, tokenize=False)
    enc = tokenizer(full_text, add_special_tokens=False, return_offsets_mapping=True)
    return keep_before(enc["input_ids"], enc["offset_mapping"], len(prompt_text))


# a helper that pads its labels at the end (`ids + [IGNORE_INDEX] * pad`): no prefix masked, whatever the count
def padded(ids, pad):
    return ids + [IGNORE_INDEX] * pad


def padded_side(tokenizer, prompt, reply, n_prompt):
    ids = tokenizer.apply_chat_template(prompt + [{"role": "assistant", "content": reply}], return_dict=False)
    labels = [IGNORE_INDEX] * n_prompt + ids[n_prompt:]
    return ids, labels


def padded_example(tokenizer, row):
    prompt = [{"role": "user", "content": row["prompt"]}]
    n_prompt = len(tokenizer.apply_chat_template(prompt, return_dict=False))
    return {"labels": padded(list(row["ids"]), n_prompt)}


def prompted_example(tokenizer, row):
    # the prompt rendered with the generation prompt: its length ends after the assistant header
    prompt = [{"role": "user", "content": row["prompt"]}]
    n_prompt = len(tokenizer.apply_chat_template(prompt, add_generation_prompt=True, return_dict=False))
    ids, labels = padded_side(tokenizer, prompt, row["chosen"], n_prompt)
    return {"input_ids": ids, "labels": labels}
