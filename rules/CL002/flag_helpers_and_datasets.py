# The rendered text reaches the tokenizer through helpers, tuple unpacking and a dataset's attributes.


def format_chat(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, tokenize=False)


def tokenize_with_helper(example, tokenizer):
    return tokenizer(format_chat(tokenizer, example["messages"]), truncation=True)  # expect: CL002 "is rendered by `format_chat(..., tokenize=False)` (the wrapper `format_chat`)"


def preprocess(data, input_key="input", output_key="output", apply_chat_template=None):
    # a render handed in as a callable (`tokenizer.apply_chat_template`)
    if apply_chat_template:
        prompt = apply_chat_template(data[input_key], tokenize=False, add_generation_prompt=True)
        response = apply_chat_template(data[input_key] + data[output_key], tokenize=False)[len(prompt):]
    else:
        prompt = data[input_key]
        response = data[output_key]
    return prompt, response


class SFTDataset:
    def __init__(self, dataset, tokenizer, max_length):
        self.tokenizer = tokenizer
        self.max_length = max_length
        self.prompts = []
        self.responses = []
        self.prompt_lengths = []
        for data in dataset:
            prompt, response = preprocess(data, apply_chat_template=tokenizer.apply_chat_template)
            prompt_token = self.tokenizer(prompt, max_length=max_length, truncation=True)  # expect: CL002 "`prompt` is rendered by `apply_chat_template(..., tokenize=False)` (the parameter `apply_chat_template`), returned by `preprocess`"
            self.prompt_lengths.append(len(prompt_token["input_ids"]))
            self.prompts.append(prompt)
            self.responses.append(response)

    def __getitem__(self, index):
        text = (self.prompts[index] + self.responses[index]).rstrip("\n")
        tokens = self.tokenizer(text, max_length=self.max_length, truncation=True)  # expect: CL002 "(the parameter `apply_chat_template`), returned by `preprocess`, stored in `self.prompts`"
        return self.prompt_lengths[index], tokens["input_ids"]


class PreferenceDataset:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def _tokenize(self, text):
        return self.tokenizer(text, truncation=True, max_length=2048)

    def build(self, example):
        chosen = self.tokenizer.apply_chat_template(example["prompt"] + example["chosen"], tokenize=False)
        return self._tokenize(chosen)  # expect: CL002 "tokenizing it again through the helper `PreferenceDataset._tokenize`"


def mixture(tokenizer):
    # the rendered set joined to a plain one: the tokenizer reads rendered rows too
    from datasets import concatenate_datasets, load_dataset

    def to_text(example):
        return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}

    def tokenize(example):
        return tokenizer(example["text"], truncation=True)  # expect: CL002 "stored in column `text`"

    chats = load_dataset("json", data_files="chats.jsonl", split="train").map(to_text)
    web = load_dataset("json", data_files="web.jsonl", split="train")
    return concatenate_datasets([web, chats]).map(tokenize)


def staged(tokenizer, stages):
    # rendered on one stage of a loop: the tokenizer mapped after it may read rendered rows
    from datasets import load_dataset

    def to_text(example):
        return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}

    def tokenize(example):
        return tokenizer(example["text"])  # expect: CL002 "stored in column `text`"

    ds = load_dataset("json", data_files="chats.jsonl", split="train")
    for stage in stages:
        if stage == "render":
            ds = ds.map(to_text)
        else:
            ds = ds.shuffle(seed=stage)
        ds = ds.map(tokenize)
    return ds
