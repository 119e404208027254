# Turns batches of support tickets into chat texts: each column of the batch it returns is a list of renders.


def to_messages(turns, system_prompt):
    messages = [{"role": "system", "content": system_prompt}]
    for turn in turns:
        role = "user" if turn["speaker"] == "customer" else "assistant"
        messages.append({"role": role, "content": turn["text"].strip()})
    return messages


def format_conversations(batch, tokenizer, system_prompt):
    texts = []
    for turns in batch["turns"]:
        texts.append(tokenizer.apply_chat_template(to_messages(turns, system_prompt), tokenize=False))
    return {"text": texts}
