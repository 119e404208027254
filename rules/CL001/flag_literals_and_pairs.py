# Conversations known to end with the reply: list literals, `prompt + [reply]`, appended replies.


def build_sft_example(tokenizer, question, answer):
    messages = [
        {"role": "user", "content": question},
        {"role": "assistant", "content": answer},
    ]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)  # expect: CL001 "`messages` = a list literal ending with an `assistant` turn, in `build_sft_example`"


def build_pair(tokenizer, example):
    prompt = example["prompt"]
    chosen = prompt + [{"role": "assistant", "content": example["chosen"]}]
    rejected = prompt + [{"role": "assistant", "content": example["rejected"]}]
    return {
        "chosen": tokenizer.apply_chat_template(chosen, tokenize=False, add_generation_prompt=True),  # expect: CL001 'renders `chosen` = `prompt + [{"role": "assistant", "content": example["chosen"]}]`'
        "rejected": tokenizer.apply_chat_template(rejected, tokenize=False, add_generation_prompt=True),  # expect: CL001 'renders `rejected` = `prompt + [{"role": "assistant", "content": example["rejected"]}]`'
    }


def build_preference(tokenizer, example):
    chosen_text = tokenizer.apply_chat_template(
        example["prompt"] + example["chosen"], tokenize=False, add_generation_prompt=True  # expect: CL001 'renders `example["prompt"] + example["chosen"]`, which ends with the reply (`example["chosen"]`'
    )
    return {"chosen": chosen_text}


def append_reply(tokenizer, history, reply):
    conversation = list(history)
    conversation.append({"role": "assistant", "content": reply})
    ids = tokenizer.apply_chat_template(conversation, add_generation_prompt=True, return_dict=False)  # expect: CL001 'renders `conversation` after `conversation.append({"role": "assistant", "content": reply})` ending with an `assistant` turn'
    return {"input_ids": ids, "labels": ids}


def build_tool_call_example(tokenizer, question, calls):
    # a reply of tool calls has an empty content: it is still the reply
    messages = [
        {"role": "user", "content": question},
        {"role": "assistant", "content": "", "tool_calls": calls},
    ]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)  # expect: CL001 "`messages` = a list literal ending with an `assistant` turn, in `build_tool_call_example`"
