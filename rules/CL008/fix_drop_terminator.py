from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-7B-Instruct")


def to_text(example):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return {"text": text + tokenizer.eos_token}


def to_ids(example):
    ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    return {"input_ids": ids + [tokenizer.eos_token_id]}
