# A conversation whose shape the module cannot see (what a method of an imported class returns) rendered with the
# generation prompt, and kept past a prompt render's length as the labels: what follows the prompt is trained, so
# the render holds the reply, and the generation prompt adds an empty assistant header after it.
from episodes import Episode

IGNORE_INDEX = -100


def encode_step(tokenizer, episode: Episode, k: int):
    prompt_ids = tokenizer.apply_chat_template(episode.context(k), add_generation_prompt=True, return_dict=False)
    full_ids = tokenizer.apply_chat_template(episode.turn(k), add_generation_prompt=True, return_dict=False)  # expect: CL001 "whose part after a prompt render's length is trained"
    labels = [IGNORE_INDEX] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}
