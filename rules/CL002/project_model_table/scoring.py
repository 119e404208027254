import torch


def letter_logits(model, tokenizer, prompt, n_choices):
    ids = tokenizer(prompt)["input_ids"]
    with torch.no_grad():
        logits = model(torch.tensor([ids])).logits[0, -1]
    letters = [tokenizer.convert_tokens_to_ids(letter) for letter in "ABCD"[:n_choices]]
    return logits[letters].tolist()
