# Rows that carry a rendered prompt from one stage to another: a stage class stores the render in the row it is
# given, or a `.map()` writes it; a later step tokenizes that column of a batch of rows with special tokens on.


class PromptStage:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, row):
        row["rendered"] = self.tokenizer.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)
        return row


class BatchEncoder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, batch):
        return self.tokenizer([row["rendered"] for row in batch], padding=True, return_tensors="pt")  # expect: CL002 "stored in column `rendered` by `PromptStage.__call__` (line 9)"


def to_chat_text(example, tokenizer):
    example["chat_text"] = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return example


def encode_batch(examples, tokenizer):
    texts = []
    for example in examples:
        texts.append(example["chat_text"])
    return tokenizer(texts, truncation=True)  # expect: CL002 "stored in column `chat_text` by `dataset.map(to_chat_text"


def prepare(dataset, tokenizer):
    dataset = dataset.map(to_chat_text, fn_kwargs={"tokenizer": tokenizer})
    return encode_batch(list(dataset), tokenizer)
