# A message put in front of a conversation keeps the conversation's own end: serving code that prepends a system
# prompt (or a dummy user turn) to the messages it was given renders a prompt for generation.
DUMMY_USER = [{"role": "user", "content": "Continue."}]


def build_prompt(tokenizer, messages, system_prompt):
    conversation = [{"role": "system", "content": system_prompt}] + messages
    return tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)


def chat(model, tokenizer, history):
    prompt = tokenizer.apply_chat_template(DUMMY_USER + history, add_generation_prompt=True, return_dict=False)
    return model.generate(prompt)


def build_prompt_in_place(tokenizer, messages, system_prompt):
    # the same, the system prompt first and the conversation extended into the list
    conversation = [{"role": "system", "content": system_prompt}]
    conversation.extend(messages)
    return tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
