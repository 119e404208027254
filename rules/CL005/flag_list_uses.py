# A tokenizing `apply_chat_template` (a `BatchEncoding` from transformers 5) used as a list of ids.
import torch


def prompt_mask(example, tokenizer):
    prompt_length = len(tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True))  # expect: CL005 'used as a list of ids: `len(tokenizer.apply_chat_template(example["mess...`'
    input_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    labels = [-100] * prompt_length + input_ids[prompt_length:]
    return {"input_ids": input_ids, "labels": labels}


def sliced_labels(example, tokenizer):
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True)  # expect: CL005 "its result is used as a list of ids: `len(prompt_ids)`;"
    input_ids = tokenizer.apply_chat_template(example["messages"])  # expect: CL005 "used as a list of ids: `input_ids[len(prompt_ids):]`; `{'input_ids': ...}`"
    labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids):]
    return {"input_ids": input_ids, "labels": labels}


def with_eos(tokenizer, messages):
    ids = tokenizer.apply_chat_template(messages, tokenize=True)  # expect: CL005 "used as a list of ids: `ids + [tokenizer.eos_token_id]`"
    return ids + [tokenizer.eos_token_id]


def as_tensor(tokenizer, messages):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "used as a list of ids: `torch.tensor(ids, dtype=torch.long)`"
    return torch.tensor(ids, dtype=torch.long).unsqueeze(0)


def first_row(tokenizer, messages):
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "its result is used as a list of ids: `inputs[0]`"
    return inputs[0]


def count_tokens(tokenizer, conversations):
    counts = {}
    for conversation in conversations:
        ids = tokenizer.apply_chat_template(conversation)  # expect: CL005 "result is used as a list of ids: `for token in ids`"
        for token in ids:
            counts[token] = counts.get(token, 0) + 1
    return counts


def pack(tokenizer, conversations):
    packed = []
    for conversation in conversations:
        packed.extend(tokenizer.apply_chat_template(conversation))  # expect: CL005 "used as a list of ids: `packed.extend(tokenizer.apply_chat_template(con...`"
    return packed


def collect(tokenizer, conversations):
    all_input_ids = []
    for conversation in conversations:
        all_input_ids.append(tokenizer.apply_chat_template(conversation))  # expect: CL005 "used as a list of ids: `all_input_ids.append(tokenizer.apply_chat_templ...`, a list of ids"
    return all_input_ids


def to_row(tokenizer, conversation):
    return {"input_ids": tokenizer.apply_chat_template(conversation)}  # expect: CL005 "its result is used as a list of ids: `{'input_ids': ...}`;"


def through_an_alias(tokenizer, conversation):
    render = tokenizer.apply_chat_template
    return len(render(conversation, add_generation_prompt=True))  # expect: CL005 "`render(...)` through the alias `render` tokenizes without `return_dict=False`"


def cache_prompt(tokenizer, messages, args, mx):
    if args.use_chat_template:
        prompt = tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "its result is used as a list of ids: `mx.array(prompt)`"
    else:
        prompt = tokenizer.encode(args.prompt)
    return mx.array(prompt)


class RolloutState:
    input_ids: list


def rollout_step(state, tokenizer, chat_history):
    # stored in an attribute that holds ids: a `BatchEncoding` there from transformers 5
    state.input_ids = tokenizer.apply_chat_template(chat_history, add_generation_prompt=True, tokenize=True)  # expect: CL005 "`state.input_ids = ...`"
    return state


def template_token_set(tokenizer):
    # the template's own tokens, as a set: a `BatchEncoding`'s keys from transformers 5
    template_ids = tokenizer.apply_chat_template([{"role": "user", "content": ""}], add_generation_prompt=True)  # expect: CL005 "`set(template_ids)`"
    return sorted(set(template_ids))
