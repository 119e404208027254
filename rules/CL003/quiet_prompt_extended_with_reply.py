# The twins of flag_prompt_extended_with_reply.py done right: the prompt rendered with the generation prompt, so
# its length covers the assistant header too; and a chat loop that appends each reply to the conversation it renders
# for the next turn (inference: no labels).
import torch


def completion_logprob(model, tokenizer, messages, completion):
    prompt_ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    full = [*messages, {"role": "assistant", "content": completion}]
    full_ids = tokenizer.apply_chat_template(full, return_dict=False)
    input_ids = torch.tensor([full_ids])
    labels = input_ids.clone()
    labels[:, : len(prompt_ids)] = -100
    return model(input_ids=input_ids, labels=labels).loss


def chat(model, tokenizer, messages, turns):
    for _ in range(turns):
        ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=False)
        reply = tokenizer.decode(model.generate(ids)[0][ids.shape[1] :], skip_special_tokens=True)
        messages = messages + [{"role": "assistant", "content": reply}]
    return messages


# Two helpers, the prompt's rendered with the generation prompt; and a helper that extends the conversation with
# a reply the caller never measures against a prompt.
def prompt_ids(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)


def conversation_ids(tokenizer, messages, completion):
    return tokenizer.apply_chat_template([*messages, {"role": "assistant", "content": completion}], return_dict=False)


def score_candidates(model, tokenizer, messages, candidates):
    scores = []
    for candidate in candidates:
        prompt = prompt_ids(tokenizer, messages)
        full = torch.tensor([conversation_ids(tokenizer, messages, candidate)])
        labels = full.clone()
        labels[:, : len(prompt)] = -100
        scores.append(-model(input_ids=full, labels=labels).loss.item())
    return scores


def transcript_ids(tokenizer, messages, reply):
    history = tokenizer.apply_chat_template(messages, return_dict=False)
    full = conversation_ids(tokenizer, messages, reply)
    return {"input_ids": full, "history_length": len(history)}
