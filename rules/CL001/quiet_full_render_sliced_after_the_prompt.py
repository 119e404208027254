# The twins of flag_full_render_sliced_after_the_prompt.py: the step rendered without the generation prompt; a
# completion cut from a render only to be decoded (no labels); and the same conversation rendered with and without
# the generation prompt to find the header's tokens.
from episodes import Episode

IGNORE_INDEX = -100


def encode_step(tokenizer, episode: Episode, k: int):
    prompt_ids = tokenizer.apply_chat_template(episode.context(k), add_generation_prompt=True, return_dict=False)
    full_ids = tokenizer.apply_chat_template(episode.turn(k), add_generation_prompt=False, return_dict=False)
    labels = [IGNORE_INDEX] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}


def continuation_text(tokenizer, episode: Episode, k: int):
    prompt_ids = tokenizer.apply_chat_template(episode.context(k), add_generation_prompt=True, return_dict=False)
    full_ids = tokenizer.apply_chat_template(episode.turn(k), add_generation_prompt=True, return_dict=False)
    return tokenizer.decode(full_ids[len(prompt_ids) :])


def header_ids(tokenizer, episode: Episode, k: int):
    bare = tokenizer.apply_chat_template(episode.context(k), return_dict=False)
    labels = tokenizer.apply_chat_template(episode.context(k), add_generation_prompt=True, return_dict=False)[len(bare) :]
    return labels
