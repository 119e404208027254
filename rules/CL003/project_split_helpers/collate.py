# The history's length masks the labels of the whole conversation, but the history is tokenized without the
# generation prompt: the assistant header is trained as part of the reply. The second function asks for it.
from turns import ids_of, split_reply


def encode(tok, conversation):
    history, _ = split_reply(conversation)
    full = ids_of(tok, conversation)
    prompt = ids_of(tok, history)  # expect: CL003 "item 0 of what `split_reply(conversation)` (turns.py:5) returns"
    return {"input_ids": full, "labels": [-100] * len(prompt) + full[len(prompt):]}


def encode_fixed(tok, conversation):
    history, _ = split_reply(conversation)
    full = ids_of(tok, conversation)
    prompt = ids_of(tok, history, add_generation_prompt=True)
    return {"input_ids": full, "labels": [-100] * len(prompt) + full[len(prompt):]}
