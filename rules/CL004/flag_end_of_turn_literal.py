# Padding set to a known family's end-of-turn token by its text: Llama 3's `<|eot_id|>` and Qwen's `<|im_end|>` are
# what their Instruct tokenizers call EOS, so masking the pad id drops every end of turn.
import torch
from transformers import AutoTokenizer, DataCollatorForLanguageModeling

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
tokenizer.pad_token = "<|eot_id|>"  # expect: CL004 "masks labels by value: `DataCollatorForLanguageModeling`"
collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)


def qwen_collate(batch, qwen_tokenizer):
    qwen_tokenizer.pad_token = "<|im_end|>"  # expect: CL004 "masks labels by value"
    encoded = qwen_tokenizer([row["text"] for row in batch], padding=True, return_tensors="pt")
    labels = encoded["input_ids"].clone()
    labels[labels == qwen_tokenizer.pad_token_id] = -100
    encoded["labels"] = labels
    return encoded


class ChatCollator:
    def __init__(self, tok):
        self.tok = tok
        self.tok.pad_token = "<|im_end|>"  # expect: CL004 "`self.tok.pad_token = \"<|im_end|>\"` makes padding the EOS token"

    def __call__(self, batch):
        ids = self.tok([row["text"] for row in batch], padding=True, return_tensors="pt")["input_ids"]
        labels = torch.where(ids == self.tok.pad_token_id, torch.full_like(ids, -100), ids)
        return {"input_ids": ids, "labels": labels}


# the padding token read from a table of the module that holds end-of-turn tokens only
PAD_FALLBACK = {"llama3": "<|eot_id|>", "qwen2": "<|im_end|>"}


def load_for_family(name, family):
    tok = AutoTokenizer.from_pretrained(name)
    if tok.pad_token is None:
        tok.pad_token = PAD_FALLBACK[family]  # expect: CL004 "`tok.pad_token = PAD_FALLBACK[family]` makes padding the EOS token"
    return tok, DataCollatorForLanguageModeling(tokenizer=tok, mlm=False)
