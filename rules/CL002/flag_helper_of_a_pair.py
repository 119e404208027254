# A reward-model data helper tokenizes the chosen and the rejected text of a pair as one batch of its two parameters
# (`tokenizer([chosen_text, rejected_text])`), with special tokens on; its caller hands it two renders.


def encode_pair(tokenizer, chosen_text, rejected_text, max_length):
    encoded = tokenizer([chosen_text, rejected_text], truncation=True, max_length=max_length)
    return {"input_ids_chosen": encoded["input_ids"][0], "input_ids_rejected": encoded["input_ids"][1]}


def preference_features(example, tokenizer, max_length=2048):
    chosen = tokenizer.apply_chat_template(example["chosen"], tokenize=False)
    rejected = tokenizer.apply_chat_template(example["rejected"], tokenize=False)
    return encode_pair(tokenizer, chosen, rejected, max_length)  # expect: CL002 "through the helper `encode_pair`"


def encode_pair_plain(tokenizer, chosen_text, rejected_text):
    # the twin left alone: the pair tokenized without special tokens
    encoded = tokenizer([chosen_text, rejected_text], add_special_tokens=False)
    return encoded["input_ids"]


def preference_ids(example, tokenizer):
    chosen = tokenizer.apply_chat_template(example["chosen"], tokenize=False)
    rejected = tokenizer.apply_chat_template(example["rejected"], tokenize=False)
    return encode_pair_plain(tokenizer, chosen, rejected)
