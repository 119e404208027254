# A wrapper of the wrapper another module defines (three modules: templating -> sharegpt -> collate).
from dialog.templating import apply_chat

ROLES = {"human": "user", "gpt": "assistant"}


def render_sharegpt(tok, turns, add_generation_prompt=False):
    messages = [{"role": ROLES[turn["from"]], "content": turn["value"]} for turn in turns]
    return apply_chat(tok, messages, add_generation_prompt=add_generation_prompt)
