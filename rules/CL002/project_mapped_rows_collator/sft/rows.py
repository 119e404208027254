# A `.map()` function: the conversation of a row rendered to text in its `text` column.


def conversation_to_text(example, tokenizer, system_prompt=None):
    messages = list(example["messages"])
    if system_prompt:
        messages.insert(0, {"role": "system", "content": system_prompt})
    return {"text": tokenizer.apply_chat_template(messages, tokenize=False)}
