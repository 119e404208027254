ROLES = {"human": "user", "user": "user", "gpt": "assistant", "assistant": "assistant", "system": "system"}


def normalize(turns):
    messages = []
    for turn in turns:
        role = ROLES[turn.get("role") or turn["from"]]
        messages.append({"role": role, "content": turn.get("content", turn.get("value", "")).strip()})
    return messages


def render(tokenizer, turns, **kwargs):
    kwargs.setdefault("tokenize", False)
    return tokenizer.apply_chat_template(normalize(turns), **kwargs)
