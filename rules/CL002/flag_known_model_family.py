# The model is visible: Llama 3's chat template begins with its BOS, so the message says so.
from transformers import AutoTokenizer

MODEL = "meta-llama/Llama-3.1-8B-Instruct"
tokenizer = AutoTokenizer.from_pretrained(MODEL)


def to_features(example):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    features = tokenizer(text, truncation=True, max_length=2048)  # expect: CL002 "already starts with the template's BOS (the Llama 3 chat template writes one)"
    features["labels"] = list(features["input_ids"])
    return features


def llama3_collate_fn(examples, tokenizer):
    # written for Llama 3, whose template writes the BOS
    texts = [tokenizer.apply_chat_template(example["messages"], tokenize=False) for example in examples]
    return tokenizer(texts, padding=True, return_tensors="pt")  # expect: CL002 "holds texts rendered by"
