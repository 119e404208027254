# Helpers that check how a conversation ends, and a wrapper of the template. None of them is wrong on its own.


def split_reply(conversation):
    if not conversation or conversation[-1]["role"] != "assistant":
        raise ValueError("a scored conversation ends with the reply")
    return conversation[:-1], conversation[-1]


def require_user_last(conversation):
    assert conversation[-1]["role"] == "user", "a prompt ends with the user's turn"


def render(tokenizer, conversation, add_generation_prompt=False):
    return tokenizer.apply_chat_template(
        conversation, tokenize=False, add_generation_prompt=add_generation_prompt
    )
