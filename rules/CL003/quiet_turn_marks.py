# Twins of the per-token turn marks in flag_turn_spans.py that stay quiet: the prefix is rendered with the
# generation prompt before each reply is marked trained, and a loop that only fills the attention mask from the
# prompt's length on marks nothing as trained.


def mark_replies(tokenizer, messages):
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    loss_mask = [0] * len(input_ids)
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        start = len(tokenizer.apply_chat_template(messages[:i], add_generation_prompt=True, return_dict=False))
        end = len(tokenizer.apply_chat_template(messages[: i + 1], return_dict=False))
        for t in range(start, min(end, len(input_ids))):
            loss_mask[t] = 1
    return input_ids, loss_mask


def attend_replies(tokenizer, messages):
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    attention_mask = [0] * len(input_ids)
    start = len(tokenizer.apply_chat_template(messages[:-1], return_dict=False))
    for t in range(start, len(input_ids)):
        attention_mask[t] = 1
    return input_ids, attention_mask
