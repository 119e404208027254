def encode_rows(conversations, tokenizer):
    rows = []
    for messages in conversations:
        ids = tokenizer.apply_chat_template(messages, tokenize=True, return_dict=False)
        rows.append({"input_ids": ids, "labels": list(ids)})
    return rows
