# A multi-turn SFT row: every message that is not the assistant's is masked from where it starts (the length of
# the conversation before it, rendered without the generation prompt: it ends with the previous reply's
# end-of-turn) to where the next reply starts (rendered with the generation prompt, so the assistant header is
# masked too). The prefix length starts an ignored span, it does not end a prompt, and the fill is a parameter
# that defaults to -100.
def preprocess(row, tokenizer, IGNORE=-100):
    messages = row["conversation"]
    ids = tokenizer.apply_chat_template(messages, return_dict=False)
    labels = list(ids)
    for idx, message in enumerate(messages):
        if message["role"] == "assistant":
            continue
        start = 0 if idx == 0 else len(tokenizer.apply_chat_template(messages[:idx], return_dict=False))
        if idx < len(messages) - 1 and messages[idx + 1]["role"] == "assistant":
            end = len(tokenizer.apply_chat_template(messages[: idx + 1], add_generation_prompt=True, return_dict=False))
        else:
            end = len(tokenizer.apply_chat_template(messages[: idx + 1], return_dict=False))
        labels[start:end] = [IGNORE] * (end - start)
    return {"input_ids": ids, "labels": labels}
