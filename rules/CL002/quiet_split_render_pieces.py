# The twins of flag_split_render_pieces.py done right: every piece of the split render tokenized without special
# tokens (the render already starts with its BOS); the pieces after the first (which holds the BOS) tokenized with
# the defaults; and a flag that is on only after the first piece.
from transformers import AutoTokenizer

IMAGE = "\x00IMG\x00"
tokenizer = AutoTokenizer.from_pretrained("google/gemma-3-4b-it")


def encode_with_images(messages, image_token_id, counts):
    text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    ids = []
    for i, segment in enumerate(text.split(IMAGE)):
        ids.extend(tokenizer.encode(segment, add_special_tokens=False))
        if i < len(counts):
            ids.extend([image_token_id] * counts[i])
    return ids


def tails(messages):
    text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    segments = text.split(IMAGE)
    return [tokenizer(piece)["input_ids"] for piece in segments[1:]], tokenizer(segments[-1])["input_ids"]


def encode_later_pieces(messages):
    text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    ids = []
    first = True
    for segment in text.split(IMAGE):
        ids.extend(tokenizer.encode(segment, add_special_tokens=not first))
        first = False
    return ids


def ppo_responses(tokenizer, conversation):
    # the pieces after the first, joined again, do not start with the render's BOS
    chunks = tokenizer.apply_chat_template(conversation, tokenize=False).split("[/INST] ")
    return tokenizer("[/INST] ".join(chunks[1:]), return_tensors="pt").input_ids[0]
