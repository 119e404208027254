# A dedicated pad token: masking by value drops only padding.
from transformers import AutoTokenizer, DataCollatorForLanguageModeling

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")
tokenizer.add_special_tokens({"pad_token": "<|finetune_right_pad_id|>"})
tokenizer.pad_token = tokenizer.unk_token
collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)


def mask_padding(batch):
    labels = batch["input_ids"].clone()
    labels[labels == tokenizer.pad_token_id] = -100
    batch["labels"] = labels
    return batch


def model_config_only(model, tokenizer):
    # the model's and generation config's pad id are not the tokenizer's padding
    model.config.pad_token_id = tokenizer.eos_token_id
    model.generation_config.pad_token_id = tokenizer.eos_token_id


def qwen_padding(batch, qwen_tokenizer):
    # Qwen's own pad token, `<|endoftext|>`, is not the end of a chat turn
    qwen_tokenizer.pad_token = "<|endoftext|>"
    encoded = qwen_tokenizer([row["text"] for row in batch], padding=True, return_tensors="pt")
    labels = encoded["input_ids"].clone()
    labels[labels == qwen_tokenizer.pad_token_id] = -100
    encoded["labels"] = labels
    return encoded


# a table of the module whose tokens are not EOS: reserved padding tokens, or one of each kind (which runs depends on
# the family it is given)
RESERVED_PAD = {"llama3": "<|finetune_right_pad_id|>", "qwen2": "<|endoftext|>"}
MIXED_PAD = {"llama3": "<|finetune_right_pad_id|>", "qwen2": "<|im_end|>"}


def load_for_family(name, family):
    tok = AutoTokenizer.from_pretrained(name)
    if tok.pad_token is None:
        tok.pad_token = RESERVED_PAD[family]
    return tok, DataCollatorForLanguageModeling(tokenizer=tok, mlm=False)


def load_mixed(name, family):
    tok = AutoTokenizer.from_pretrained(name)
    tok.pad_token = MIXED_PAD[family]
    return tok, DataCollatorForLanguageModeling(tokenizer=tok, mlm=False)
