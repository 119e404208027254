# The twins of flag_built_datasets.py: a dataset built from plain documents, renders tokenized without special
# tokens, and prompt-completion datasets (their columns are not rendered text), given or bound to a name.
import json

from datasets import Dataset
from transformers import AutoTokenizer
from trl import SFTTrainer

tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
conversations = [json.loads(line)["messages"] for line in open("chats.jsonl")]
documents = [json.loads(line)["body"] for line in open("corpus.jsonl")]
corpus = Dataset.from_dict({"text": documents})
texts = [tok.apply_chat_template(messages, tokenize=False) for messages in conversations]
chats = Dataset.from_dict({"text": texts})
pairs = Dataset.from_list([{"prompt": messages[:-1], "completion": messages[-1:]} for messages in conversations])


def to_pair(messages):
    return {"prompt": messages[:-1], "completion": messages[-1:]}


pair_rows = [to_pair(messages) for messages in conversations]
named_pairs = Dataset.from_list(pair_rows)
pairs_trainer = SFTTrainer(model="meta-llama/Llama-3.1-8B-Instruct", train_dataset=named_pairs, processing_class=tok)


def tokenize_document(example):
    return tok(example["text"], truncation=True, max_length=2048)


def tokenize_chat(example):
    return tok(example["text"], add_special_tokens=False, truncation=True, max_length=2048)


documents_tokenized = corpus.map(tokenize_document, remove_columns=["text"])
chats_tokenized = chats.map(tokenize_chat, remove_columns=["text"])

renders_only = Dataset.from_dict({"text": texts, "messages": conversations}).remove_columns("text")
trainer = SFTTrainer(model="meta-llama/Llama-3.1-8B-Instruct", train_dataset=renders_only, processing_class=tok)

documents_by_lambda = corpus.map(lambda batch: tok(batch["text"], truncation=True), batched=True)
chats_by_lambda = chats.map(lambda batch: tok(batch["text"], add_special_tokens=False), batched=True)

document_columns = {"text": documents, "source": ["corpus.jsonl"] * len(documents)}  # (plain documents, named)
named_corpus = Dataset.from_dict(document_columns)
corpus_trainer = SFTTrainer(model="meta-llama/Llama-3.1-8B-Instruct", train_dataset=named_corpus, processing_class=tok)


class BatchGenerator:
    """Texts rendered when asked to, tokenized without special tokens in that case and with them otherwise."""

    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)

    def __call__(self, texts, apply_chat_template=False):
        if apply_chat_template:
            texts = [self.tokenizer.apply_chat_template([{"role": "user", "content": t}], tokenize=False) for t in texts]
        dataset = Dataset.from_dict({"text": texts})
        return dataset.map(
            lambda x: self.tokenizer(x["text"], add_special_tokens=not apply_chat_template, truncation=True),
            batched=True,
        )
