# A dataset built from rendered texts (`Dataset.from_dict`, `Dataset.from_list`) has a column of text that starts
# with the template's BOS: trl's `SFTTrainer` and a `.map()` that tokenize it with special tokens add a second one.
import json

from datasets import Dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
conversations = [json.loads(line)["messages"] for line in open("chats.jsonl")]
texts = [tok.apply_chat_template(messages, tokenize=False) for messages in conversations]
by_column = Dataset.from_dict({"text": texts})
by_row = Dataset.from_list([{"text": tok.apply_chat_template(messages, tokenize=False)} for messages in conversations])

config = SFTConfig(output_dir="out", max_seq_length=2048)
first = SFTTrainer(model="meta-llama/Llama-3.1-8B-Instruct", train_dataset=by_column, args=config, processing_class=tok)  # expect: CL002 "by `Dataset.from_dict({\"text\": texts})`"
second = SFTTrainer(model="meta-llama/Llama-3.1-8B-Instruct", train_dataset=by_row, args=config, processing_class=tok)  # expect: CL002 "by `Dataset.from_list("


def tokenize(example):
    return tok(example["text"], truncation=True, max_length=2048)  # expect: CL002 "stored in column `text` by `Dataset.from_dict"


tokenized = by_column.map(tokenize, remove_columns=["text"])



def to_row(messages):
    return {"text": tok.apply_chat_template(messages, tokenize=False)}


rows = [to_row(messages) for messages in conversations]  # (a list of rows bound to a name, then built)
by_named_rows = Dataset.from_list(rows)
third = SFTTrainer(model="meta-llama/Llama-3.1-8B-Instruct", train_dataset=by_named_rows, args=config, processing_class=tok)  # expect: CL002 "by `Dataset.from_list(rows)`"

lambda_tokenized = by_row.train_test_split(test_size=0.1)["train"].map(
    lambda batch: tok(batch["text"], truncation=True), batched=True  # expect: CL002 "stored in column `text` by `Dataset.from_list("
)

columns = {"text": texts, "source": ["chats.jsonl"] * len(texts)}  # (the columns bound to a name, then built)
by_named_columns = Dataset.from_dict(columns)
fourth = SFTTrainer(model="meta-llama/Llama-3.1-8B-Instruct", train_dataset=by_named_columns, args=config, processing_class=tok)  # expect: CL002 "by `Dataset.from_dict(columns)`"


class BatchGenerator:
    """A dataset built from texts the call renders when asked to (`apply_chat_template=True`): on that path each
    text starts with the template's BOS, and the `.map()` tokenizes the column with special tokens."""

    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)

    def _apply_chat_template_user(self, texts):
        return [
            self.tokenizer.apply_chat_template([{"role": "user", "content": text}], tokenize=False, add_generation_prompt=True)
            for text in texts
        ]

    def __call__(self, texts, apply_chat_template=False):
        if apply_chat_template:
            texts = self._apply_chat_template_user(texts)
        dataset = Dataset.from_dict({"text": texts})
        return dataset.map(lambda x: self.tokenizer(x["text"], truncation=True), batched=True)  # expect: CL002 "(on at least one path)"
