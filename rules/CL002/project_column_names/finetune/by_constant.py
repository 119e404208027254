# The column is read through the imported constant: a second BOS.
from datasets import load_dataset
from transformers import AutoTokenizer

from finetune.columns import CHAT_TEXT, render_rows

tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-1B-Instruct")
rows = load_dataset("json", data_files="chats.jsonl", split="train").map(render_rows, fn_kwargs={"tok": tok})


def encode(batch):
    return tok(batch[CHAT_TEXT], truncation=True, max_length=1024)  # expect: CL002 "(`CHAT_TEXT` is \"chat_text\")"


def encode_safely(batch):
    return tok(batch[CHAT_TEXT], add_special_tokens=False)
