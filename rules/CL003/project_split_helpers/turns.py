# Splits a conversation into the history and the reply, and a wrapper that tokenizes a conversation (the generation
# prompt off unless asked).


def split_reply(conversation):
    return conversation[:-1], conversation[-1]


def ids_of(tok, conversation, add_generation_prompt=False):
    return tok.apply_chat_template(conversation, add_generation_prompt=add_generation_prompt, return_dict=False)
