import torch

from .pairs import render_pair


@torch.no_grad()
def last_hidden(model, tokenizer, text, layer):
    encoded = tokenizer(text, return_tensors="pt")
    return model(**encoded, output_hidden_states=True).hidden_states[layer][0, -1]


@torch.no_grad()
def difference(model, tokenizer, question, matching, not_matching, layer):
    positive, negative = render_pair(tokenizer, question, matching, not_matching)
    pos = model(**tokenizer(positive, return_tensors="pt"), output_hidden_states=True)  # expect: CL002 "`positive` is rendered by"
    neg = model(**tokenizer(negative, return_tensors="pt"), output_hidden_states=True)  # expect: CL002 "`negative` is rendered by"
    return pos.hidden_states[layer][0, -1] - neg.hidden_states[layer][0, -1]


@torch.no_grad()
def difference_without_bos(model, tokenizer, question, matching, not_matching, layer):
    positive, negative = render_pair(tokenizer, question, matching, not_matching)
    pos = model(**tokenizer(positive, return_tensors="pt", add_special_tokens=False), output_hidden_states=True)
    neg = model(**tokenizer(negative, return_tensors="pt", add_special_tokens=False), output_hidden_states=True)
    return pos.hidden_states[layer][0, -1] - neg.hidden_states[layer][0, -1]
