# `apply_chat` wraps the template; `format_turns` wraps `apply_chat`, renaming the roles turn by turn.
SPEAKERS = {"human": "user", "bot": "assistant"}


def apply_chat(tok, messages, add_generation_prompt=False):
    return tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)


def format_turns(tok, turns, add_generation_prompt=False):
    messages = [{"role": SPEAKERS[t["speaker"]], "content": t["text"]} for t in turns]
    return apply_chat(tok, messages, add_generation_prompt=add_generation_prompt)
