# Scoring a completion by its log-probability: the prompt messages are rendered alone, without the generation
# prompt, then again with the completion appended as the assistant's turn; the prompt's length masks the labels,
# so the assistant header that starts the reply in the full render is scored as part of it.
import torch


def completion_logprob(model, tokenizer, messages, completion):
    prompt_ids = tokenizer.apply_chat_template(messages, return_dict=False)  # expect: CL003 "which the function extends with the assistant reply"
    full = [*messages, {"role": "assistant", "content": completion}]
    full_ids = tokenizer.apply_chat_template(full, return_dict=False)
    input_ids = torch.tensor([full_ids])
    labels = input_ids.clone()
    labels[:, : len(prompt_ids)] = -100
    return model(input_ids=input_ids, labels=labels).loss


def preference_row(tokenizer, example):
    context = example["context"]
    prompt_ids = tokenizer.apply_chat_template(context, return_dict=False)  # expect: CL003 "extends with the assistant reply"
    chosen_ids = tokenizer.apply_chat_template(context + [{"role": "assistant", "content": example["chosen"]}], return_dict=False)
    labels = list(chosen_ids)
    labels[: len(prompt_ids)] = [-100] * len(prompt_ids)
    return {"input_ids": chosen_ids, "labels": labels}


# The prompt and the full conversation rendered by two helpers: the caller hands the same messages to both, and the
# second extends them with the reply, so what the first renders is the prompt.
def prompt_ids(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, return_dict=False)


def conversation_ids(tokenizer, messages, completion):
    return tokenizer.apply_chat_template([*messages, {"role": "assistant", "content": completion}], return_dict=False)


def score_candidates(model, tokenizer, messages, candidates):
    scores = []
    for candidate in candidates:
        prompt = prompt_ids(tokenizer, messages)  # expect: CL003 "which `conversation_ids` extends with the assistant reply"
        full = torch.tensor([conversation_ids(tokenizer, messages, candidate)])
        labels = full.clone()
        labels[:, : len(prompt)] = -100
        scores.append(-model(input_ids=full, labels=labels).loss.item())
    return scores
