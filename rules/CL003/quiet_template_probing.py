# Probing the template (the same prompt rendered with and without the header) and masking turn by turn with
# slices that include the current message are not prompt masks without the header.
def assistant_header_ids(tokenizer):
    messages = [{"role": "user", "content": "hi"}]
    without = tokenizer.apply_chat_template(messages, add_generation_prompt=False, return_dict=False)
    with_header = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    return with_header[len(without):]


def mask_turns(tokenizer, messages):
    ids = tokenizer.apply_chat_template(messages, return_dict=False)
    labels = list(ids)
    for i, message in enumerate(messages):
        upto = tokenizer.apply_chat_template(messages[: i + 1], return_dict=False)
        if message["role"] != "assistant":
            labels[: len(upto)] = [-100] * len(upto)
    return {"input_ids": ids, "labels": labels}
