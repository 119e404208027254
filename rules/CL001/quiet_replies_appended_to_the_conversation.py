# A self-correction episode: each reply is sampled from the conversation as it stands, then appended to it. The
# argument is read before `append` runs, so the conversation rendered ends with the user's turn.
import torch


@torch.no_grad()
def reply(model, tokenizer, conv):
    ids = tokenizer.apply_chat_template(conv, add_generation_prompt=True, return_tensors="pt", return_dict=False)
    out = model.generate(ids, do_sample=True, max_new_tokens=256)
    return tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True)


def two_attempt_episode(model, tokenizer, question, revise_instruction):
    conv = [{"role": "user", "content": question}]
    conv.append({"role": "assistant", "content": reply(model, tokenizer, conv)})
    conv.append({"role": "user", "content": revise_instruction})
    conv.append({"role": "assistant", "content": reply(model, tokenizer, conv)})
    return conv
