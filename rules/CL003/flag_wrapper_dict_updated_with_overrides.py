# A wrapper that builds the template's keywords in a dict and updates it with its caller's `**overrides`: a call
# that overrides nothing renders the prompt without the generation prompt, and its length masks the labels.
IGNORE = -100


def encode_chat(tokenizer, messages, **overrides):
    kwargs = {"tokenize": True, "return_dict": False, "add_generation_prompt": False}
    kwargs.update(overrides)
    return tokenizer.apply_chat_template(list(messages), **kwargs)


def mask_conversation(tokenizer, conversation):
    full_ids = encode_chat(tokenizer, conversation)
    prompt_ids = encode_chat(tokenizer, conversation[:-1])  # expect: CL003 "through the wrapper `encode_chat`"
    labels = [IGNORE] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}


def mask_conversation_opened(tokenizer, conversation):
    full_ids = encode_chat(tokenizer, conversation)
    prompt_ids = encode_chat(tokenizer, conversation[:-1], add_generation_prompt=True)
    labels = [IGNORE] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}
