# The EOS token appended to a full conversation the chat template has already terminated.


def to_text(example, tokenizer):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False) + tokenizer.eos_token}  # expect: CL008 "appends `eos_token` to a full conversation rendered by"


def augmented(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=False)
    text += tokenizer.eos_token  # expect: CL008 "if the chat template already ends each assistant turn with the EOS token"
    return {"text": text}


def formatted(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return {"text": f"{text}{tokenizer.eos_token}"}  # expect: CL008 "appends `eos_token`"


def token_ids(example, tokenizer):
    ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    ids.append(tokenizer.eos_token_id)  # expect: CL008 "appends `eos_token_id` to a full conversation"
    return {"input_ids": ids, "labels": list(ids)}


def ids_plus(example, tokenizer):
    ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    return {"input_ids": ids + [tokenizer.eos_token_id]}  # expect: CL008 "`ids + [tokenizer.eos_token_id]` appends `eos_token_id`"


def text_tokenized_again(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    ids = tokenizer(text, add_special_tokens=False)["input_ids"] + [tokenizer.eos_token_id]  # expect: CL008 "appends `eos_token_id` to a full conversation rendered by"
    return {"input_ids": ids}


def render_text(tokenizer, conversation):
    return tokenizer.apply_chat_template(conversation, tokenize=False)


def through_a_wrapper(example, tokenizer):
    text = render_text(tokenizer, example["messages"])
    text += tokenizer.eos_token  # expect: CL008 "rendered by `render_text(tokenizer, example[\"messages\"])`"
    return {"text": text}
