from functools import partial


def _encode_turns(tokenizer, messages, **template_kwargs):
    return tokenizer.apply_chat_template(messages, tokenize=True, **template_kwargs)


ENCODERS = {
    "chat": partial(_encode_turns, add_generation_prompt=True),
    "prefill": partial(_encode_turns, continue_final_message=True),
}

ID_LIST_ENCODERS = {
    "chat": partial(_encode_turns, add_generation_prompt=True, return_dict=False),
    "prefill": partial(_encode_turns, continue_final_message=True, return_dict=False),
}
