# Shifted values that are not handed to a Hugging Face model as its labels.


def nanogpt_step(model, data):
    x, y = data[:, :-1], data[:, 1:]
    logits, loss = model(x, targets=y)
    return loss


def next_tokens(ids):
    return {"next": ids[1:]}


def rows_without_trainer(example, tokenizer):
    ids = tokenizer(example["text"])["input_ids"]
    return {"input_ids": ids[:-1], "labels": ids[1:]}
