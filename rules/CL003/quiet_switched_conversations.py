# The twins: the switch left on (the prompt ends with the reply: not a prompt), the generation prompt passed, a switch
# the call sets from data (which way it goes is not known), and a registry whose classes share no base.
IGNORE_INDEX = -100


class ChatBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def messages(self, example, with_reply=True):
        messages = [{"role": "user", "content": example["question"]}]
        if with_reply:
            messages.append({"role": "assistant", "content": example["answer"]})
        return messages


class OtherBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def messages(self, example, with_reply=True):
        return [{"role": "user", "content": example["question"]}]


BUILDERS = {"chat": ChatBuilder, "other": OtherBuilder}


def encode(tokenizer, example, reply):
    builder = ChatBuilder(tokenizer)
    prompt = tokenizer.apply_chat_template(
        builder.messages(example, with_reply=False), tokenize=False, add_generation_prompt=True
    )
    guessed = tokenizer.apply_chat_template(builder.messages(example, with_reply=reply), tokenize=False)
    full = tokenizer.apply_chat_template(builder.messages(example), tokenize=False)
    input_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    n_prompt = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    n_guessed = len(tokenizer(guessed, add_special_tokens=False)["input_ids"])
    labels = [IGNORE_INDEX] * n_prompt + input_ids[n_prompt:]
    labels[:n_guessed] = [IGNORE_INDEX] * n_guessed
    return {"input_ids": input_ids, "labels": labels}


class PickedSet:
    def __init__(self, rows, tokenizer, name):
        self.rows = rows
        self.tokenizer = tokenizer
        self.builder = BUILDERS[name](tokenizer)

    def __getitem__(self, index):
        row = self.rows[index]
        prompt = self.tokenizer.apply_chat_template(self.builder.messages(row, with_reply=False), tokenize=False)
        full = self.tokenizer.apply_chat_template(self.builder.messages(row), tokenize=False)
        input_ids = self.tokenizer(full, add_special_tokens=False)["input_ids"]
        labels = list(input_ids)
        labels[: len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])] = [IGNORE_INDEX] * 4
        return {"input_ids": input_ids, "labels": labels}


class GenerationBuilder(ChatBuilder):
    def messages(self, example, with_reply=True):
        return [{"role": "user", "content": example["question"]}]


POLYMORPHIC = {"chat": ChatBuilder, "generation": GenerationBuilder}


class PolymorphicSet:
    def __init__(self, rows, tokenizer, name):
        self.rows = rows
        self.tokenizer = tokenizer
        self.builder = POLYMORPHIC[name](tokenizer)

    def __getitem__(self, index):
        row = self.rows[index]
        prompt = self.tokenizer.apply_chat_template(self.builder.messages(row, with_reply=False), tokenize=False)
        full = self.tokenizer.apply_chat_template(self.builder.messages(row), tokenize=False)
        input_ids = self.tokenizer(full, add_special_tokens=False)["input_ids"]
        labels = list(input_ids)
        labels[: len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])] = [IGNORE_INDEX] * 4
        return {"input_ids": input_ids, "labels": labels}
