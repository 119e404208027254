# A conversation builder that appends the answer only when a switch is on: the prompt is the conversation built with
# the switch off, rendered without the generation prompt, and its length masks the labels. The builder's class is
# also picked from a registry of the module by name: every class there is the builder's or a subclass of it.
IGNORE_INDEX = -100


class ChatBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def messages(self, example, with_reply=True):
        messages = [{"role": "user", "content": example["question"]}]
        if with_reply:
            messages.append({"role": "assistant", "content": example["answer"]})
        return messages

    def drop_reply(self, example, prompt_only=False):
        messages = [{"role": "user", "content": example["question"]}]
        if not prompt_only:
            messages.append({"role": "assistant", "content": example["answer"]})
        return messages


class ShortBuilder(ChatBuilder):
    pass


BUILDERS = {"chat": ChatBuilder, "short": ShortBuilder}


def encode(tokenizer, example):
    builder = ChatBuilder(tokenizer)
    prompt = tokenizer.apply_chat_template(builder.messages(example, with_reply=False), tokenize=False)  # expect: CL003 "(`with_reply=False` skips the message after it)"
    full = tokenizer.apply_chat_template(builder.messages(example), tokenize=False)
    input_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    n_prompt = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    return {"input_ids": input_ids, "labels": [IGNORE_INDEX] * n_prompt + input_ids[n_prompt:]}


class PickedSet:
    def __init__(self, rows, tokenizer, name):
        self.rows = rows
        self.tokenizer = tokenizer
        self.builder = BUILDERS[name](tokenizer)

    def __getitem__(self, index):
        row = self.rows[index]
        prompt = self.tokenizer.apply_chat_template(self.builder.drop_reply(row, prompt_only=True), tokenize=False)  # expect: CL003 "(`prompt_only=True` skips the message after it)"
        full = self.tokenizer.apply_chat_template(self.builder.drop_reply(row), tokenize=False)
        input_ids = self.tokenizer(full, add_special_tokens=False)["input_ids"]
        labels = list(input_ids)
        labels[: len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])] = [IGNORE_INDEX] * 4
        return {"input_ids": input_ids, "labels": labels}
