# Stages of a pipeline that keep a single BOS: the render's text tokenized with special tokens off, and a column no
# stage renders into tokenized as it is.


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
        prompts = [row["rendered"] for row in batch]
        return self.tokenizer(prompts, padding=True, return_tensors="pt", add_special_tokens=False)

    def encode_titles(self, batch):
        return self.tokenizer([row["title"] for row in batch], padding=True, return_tensors="pt")


def render_rows(rows, tokenizer):
    # a module-level function storing a render in its row is a `.map()` function: not applied here, so the rows
    # another function reads are not known to hold it
    for row in rows:
        row["text"] = tokenizer.apply_chat_template(row["messages"], tokenize=False)
    return rows


def encode_corpus(batch, tokenizer):
    return tokenizer([row["text"] for row in batch], truncation=True)
