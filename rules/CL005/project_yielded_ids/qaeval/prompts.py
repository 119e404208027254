INSTRUCTION = "Answer the question, then end with a line 'Answer: <value>'."


def iter_prompt_ids(tokenizer, rows):
    for row in rows:
        messages = [{"role": "user", "content": f"{INSTRUCTION}\n\n{row['question']}"}]
        prompt_ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
        yield row["id"], prompt_ids, row["answer"]


def iter_prompt_lists(tokenizer, rows):
    for row in rows:
        messages = [{"role": "user", "content": f"{INSTRUCTION}\n\n{row['question']}"}]
        yield row["id"], tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False), row["answer"]
