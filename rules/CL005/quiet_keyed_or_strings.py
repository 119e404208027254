# Results read by key, passed on as `**inputs`, rendered as text, or asked for as a list.


def keyed(tokenizer, messages):
    encoding = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    return len(encoding["input_ids"])


def keyed_in_place(tokenizer, messages):
    ids = tokenizer.apply_chat_template(messages, return_dict=True)
    ids = ids["input_ids"]
    return ids[:10]


def as_list(tokenizer, messages):
    ids = tokenizer.apply_chat_template(messages, return_dict=False)
    return len(ids), ids[:10], ids + [tokenizer.eos_token_id]


def as_text(tokenizer, messages):
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return len(text), text[:20]


def generate(model, tokenizer, messages):
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")
    inputs = inputs.to(model.device)
    return model.generate(**inputs, max_new_tokens=32)


def attribute(tokenizer, messages):
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    return len(inputs.input_ids)


def assistant_masks(tokenizer, messages):
    out = tokenizer.apply_chat_template(messages, return_assistant_tokens_mask=True, return_dict=True)
    return out["input_ids"], out["assistant_masks"]


def opaque_kwargs(tokenizer, messages, template_kwargs):
    # `template_kwargs` may carry `tokenize=False` or `return_dict=False`
    prompt = tokenizer.apply_chat_template(messages, add_generation_prompt=True, **template_kwargs)
    return len(prompt)


def unknown_tokenize(tokenizer, messages, tokenize):
    out = tokenizer.apply_chat_template(messages, tokenize=tokenize)
    return len(out)


def many_renders(tokenizer, conversations):
    # `len()` of the list of renders, not of one render
    renders = [tokenizer.apply_chat_template(conversation, return_dict=True) for conversation in conversations]
    return len(renders)


def helper_keyed(tokenizer, messages):
    return tokenizer.apply_chat_template(messages)


def caller_reads_keys(tokenizer, messages):
    encoding = helper_keyed(tokenizer, messages)
    return encoding["input_ids"][:10]


def in_docs():
    """Example: `len(tokenizer.apply_chat_template(messages))` counts tokens."""
    return "len(tokenizer.apply_chat_template(messages))"


def passed_through(tokenizer, messages, collate):
    # handed to something else: this module cannot see how it is used
    return collate(tokenizer.apply_chat_template(messages))


class KeyedDataset:
    # the dataset returns one key of each encoding: the ids
    def __init__(self, data, tokenizer):
        self._data = [tokenizer.apply_chat_template(d["messages"], return_dict=True) for d in data]
        self._raw = [tokenizer.apply_chat_template(d["messages"]) for d in data]

    def __getitem__(self, index):
        return {"input_ids": self._raw[index]["input_ids"], "attention_mask": self._data[index]["attention_mask"]}


class Server:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encoding(self, body) -> dict:
        # returned as what it is, a mapping
        return self.tokenizer.apply_chat_template(body["messages"], add_generation_prompt=True)

    def pair(self, body):
        # a tuple that is not a dataset example
        return self.tokenizer.apply_chat_template(body["messages"]), body["id"]


class EncodedDataset:
    # written for transformers 5: the encoding is read by key where it is used
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer

    def _encode(self, messages):
        return self.tokenizer.apply_chat_template(messages)

    def __getitem__(self, index):
        encoding = self._encode(self.rows[index]["messages"])
        return {"input_ids": encoding["input_ids"], "attention_mask": encoding["attention_mask"]}
