# RL trainers that count a response's tokens in the loss by comparing them with the pad id, where padding is the
# EOS token (set so, or the pad id falling back to the EOS id when the tokenizer has none): every generated EOS is
# left out of the policy loss, so the model is never taught where to stop.


def grpo_loss(policy, tokenizer, prompt_ids, response_ids, advantages):
    log_probs = policy(prompt_ids, response_ids)
    pad_id = tokenizer.pad_token_id or tokenizer.eos_token_id  # expect: CL004 "`response_mask = (response_ids != pad_id).float()`"
    response_mask = (response_ids != pad_id).float()
    return -(advantages.unsqueeze(1) * log_probs * response_mask).sum() / response_mask.sum()


def ppo_masks(tokenizer, completion_ids):
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "leaves every token equal to the pad id out of the loss"
    completion_mask = completion_ids.ne(tokenizer.pad_token_id)
    return completion_mask


def causal_only_labels(tokenizer, texts, model_type):
    # (the branch for every model but the encoder-decoder ones: `!=` holds for the causal models)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "masks labels by value"
    encoded = tokenizer(texts, return_tensors="pt", padding=True)
    if model_type != "seq2seq_lm":
        labels = encoded["input_ids"].clone()
        labels[labels == tokenizer.pad_token_id] = -100
        encoded["labels"] = labels
    return encoded
