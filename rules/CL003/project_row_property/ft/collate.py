from typing import List

from .records import Dialogue


def encode(tokenizer, dialogue: Dialogue):
    prompt_ids = tokenizer.apply_chat_template(dialogue.prompt_turns, return_dict=False)  # expect: CL003 "the property `Dialogue.prompt_turns` (ft/records.py:10)"
    input_ids = tokenizer.apply_chat_template(dialogue.turns, return_dict=False)
    labels = list(input_ids)
    labels[: len(prompt_ids)] = [-100] * len(prompt_ids)
    return input_ids, labels


def encode_for_generation(tokenizer, dialogues: List[Dialogue]):
    out = []
    for dialogue in dialogues:
        prompt_ids = tokenizer.apply_chat_template(dialogue.prompt_turns, add_generation_prompt=True, return_dict=False)
        input_ids = tokenizer.apply_chat_template(dialogue.turns, return_dict=False)
        out.append((input_ids, [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]))
    return out
