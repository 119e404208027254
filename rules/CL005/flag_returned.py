# The result is returned, and a caller in the same module uses it as a list of ids.


def encode_prompt(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "returned by `encode_prompt`, whose caller in `build` uses it: `len(prompt_ids)`"


def build(tokenizer, example):
    prompt_ids = encode_prompt(tokenizer, example["messages"][:-1])
    return [-100] * len(prompt_ids)


class ChatDataset:
    def __init__(self, tokenizer, data):
        self.tokenizer = tokenizer
        self.data = data

    def _tokens(self, messages):
        tokens = self.tokenizer.apply_chat_template(messages)  # expect: CL005 "returned by `ChatDataset._tokens` as an example of the dataset `ChatDataset`"
        return tokens

    def __getitem__(self, index):
        tokens = self._tokens(self.data[index]["messages"])
        return tokens[: self.max_length]


class CompletionsDataset:
    """Modelled on a released fine-tuning dataset: the renders are the examples the training loop batches."""

    def __init__(self, data, tokenizer):
        self._data = [
            tokenizer.apply_chat_template(  # expect: CL005 "an item of `self._data`, which `CompletionsDataset.__getitem__` returns as a training example"
                [{"role": "user", "content": d["prompt"]}, {"role": "assistant", "content": d["completion"]}],
            )
            for d in data
        ]

    def __getitem__(self, index):
        return self._data[index]

    def __len__(self):
        return len(self._data)


def shared_prefix(tokenizer, system_messages, prompt_ids):
    system_ids = tokenizer.apply_chat_template(system_messages)  # expect: CL005 "its result is used as a list of ids: `zip(system_ids, prompt_ids)`"
    for position, (left, right) in enumerate(zip(system_ids, prompt_ids)):
        if left != right:
            return position
    return 0


class ChatExamples:
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer

    def process(self, row):
        tokens = self.tokenizer.apply_chat_template(row["messages"])  # expect: CL005 "returned by `ChatExamples.process` inside an example of the dataset `ChatExamples`"
        offset = len(self.tokenizer.apply_chat_template(row["messages"][:-1], add_generation_prompt=True))  # expect: CL005 'used as a list of ids: `len(self.tokenizer.apply_chat_template(row["mes...`'
        return (tokens, offset)

    def __getitem__(self, index):
        return self.process(self.rows[index])


class Handler:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def chat_prompt(self, body) -> list[int]:
        prompt = self.tokenizer.apply_chat_template(body["messages"], add_generation_prompt=True)  # expect: CL005 "returned by `Handler.chat_prompt`, which is annotated `-> list[int]`"
        return prompt
