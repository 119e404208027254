# Generators of rendered prompts (alone, or beside their rows) and the checkpoints the scripts load, named once
# for the project.
LLAMA_MODEL = "meta-llama/Llama-3.1-8B-Instruct"
QWEN_MODEL = "Qwen/Qwen2.5-7B-Instruct"


def render_prompts(tokenizer, rows):
    for row in rows:
        messages = [{"role": "user", "content": row["question"]}]
        yield tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


class PromptBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def build(self, question):
        messages = [{"role": "user", "content": question}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def iter_prompts(self, rows):
        for row in rows:
            yield self.build(row["question"])


def iter_records(tokenizer, rows):
    """Each row with its rendered prompt: the render is the second element of the tuples it yields."""
    for row in rows:
        messages = [{"role": "user", "content": row["question"]}]
        yield row, tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def batched(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def iter_record_batches(tokenizer, rows, size):
    """Rows in batches with their rendered prompts: the second element of the tuples it yields is a list of them."""
    records, texts = [], []
    for row in rows:
        messages = [{"role": "user", "content": row["question"]}]
        texts.append(tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))
        records.append(row)
        if len(records) == size:
            yield records, texts
            records, texts = [], []
    if records:
        yield records, texts
