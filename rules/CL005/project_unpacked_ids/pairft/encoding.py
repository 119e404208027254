def encode_chat(tokenizer, messages, add_generation_prompt=False, **kwargs):
    return tokenizer.apply_chat_template(list(messages), add_generation_prompt=add_generation_prompt, **kwargs)


def encode_pair(tokenizer, prompt, reply):
    prompt_ids = encode_chat(tokenizer, prompt, add_generation_prompt=True)
    full_ids = encode_chat(tokenizer, [*prompt, {"role": "assistant", "content": reply}])
    return prompt_ids, full_ids


def encode_pair_as_lists(tokenizer, prompt, reply):
    prompt_ids = encode_chat(tokenizer, prompt, add_generation_prompt=True, return_dict=False)
    full_ids = encode_chat(tokenizer, [*prompt, {"role": "assistant", "content": reply}], return_dict=False)
    return prompt_ids, full_ids
