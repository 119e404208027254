# Flag combinations that transformers accepts, and values the code does not fix.


def prefill(tokenizer, conversation):
    return tokenizer.apply_chat_template(conversation, continue_final_message=True, tokenize=False)


def prompt(tokenizer, conversation):
    return tokenizer.apply_chat_template(conversation, add_generation_prompt=True, tokenize=False)


def explicit_false(tokenizer, conversation):
    return tokenizer.apply_chat_template(
        conversation, continue_final_message=False, add_generation_prompt=True, tokenize=False
    )


def assistant_mask(tokenizer, conversation):
    return tokenizer.apply_chat_template(
        conversation, tokenize=True, return_dict=True, return_assistant_tokens_mask=True
    )


def assistant_mask_defaults(tokenizer, conversation):
    # `return_dict` defaults to True in transformers 5; not a literal False
    return tokenizer.apply_chat_template(conversation, return_assistant_tokens_mask=True)


def mask_off(tokenizer, conversation):
    return tokenizer.apply_chat_template(conversation, tokenize=False, return_assistant_tokens_mask=False)


def role_dependent(tokenizer, conversation):
    open_message = conversation[-1]["role"] == "assistant"
    return tokenizer.apply_chat_template(
        conversation,
        continue_final_message=open_message,
        add_generation_prompt=not open_message,
        tokenize=False,
    )


def caller_decides(tokenizer, conversation, continue_final_message, add_generation_prompt):
    return tokenizer.apply_chat_template(
        conversation,
        continue_final_message=continue_final_message,
        add_generation_prompt=add_generation_prompt,
        tokenize=False,
    )


def either_one(tokenizer, conversation, prefill_text=None):
    if prefill_text:
        conversation = conversation + [{"role": "assistant", "content": prefill_text}]
        return tokenizer.apply_chat_template(conversation, continue_final_message=True, tokenize=False)
    return tokenizer.apply_chat_template(conversation, add_generation_prompt=True, tokenize=False)


def mask_then_text(tokenizer, conversation):
    encoded = tokenizer.apply_chat_template(conversation, return_dict=True, return_assistant_tokens_mask=True)
    text = tokenizer.apply_chat_template(conversation, tokenize=False)
    return encoded, text


def in_a_string():
    return "apply_chat_template(conv, continue_final_message=True, add_generation_prompt=True)"


def suppressed(tokenizer, conversation):
    return tokenizer.apply_chat_template(conversation, tokenize=False, return_assistant_tokens_mask=True)  # noqa: CL006
