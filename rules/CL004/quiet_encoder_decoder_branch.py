# A calibration helper that sets pad = EOS only when a tokenizer has no pad token, and masks labels by the pad id only
# for encoder-decoder models (T5, BART), whose tokenizers have a pad token of their own, distinct from EOS.
def ensure_padding(tokenizer):
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token_id = tokenizer.eos_token_id


def calibration_batch(tokenizer, prompts, family):
    ensure_padding(tokenizer)
    encoded = tokenizer(list(prompts), return_tensors="pt", padding=True, truncation=True)
    if family == "seq2seq_lm":
        labels = encoded["input_ids"].clone()
        labels[labels == tokenizer.pad_token_id] = -100
        encoded["labels"] = labels
    return encoded


def seq2seq_labels(model, tokenizer, targets):
    ensure_padding(tokenizer)
    labels = tokenizer(targets, return_tensors="pt", padding=True)["input_ids"]
    if model.config.is_encoder_decoder:
        labels[labels == tokenizer.pad_token_id] = -100
    return labels
