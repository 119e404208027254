# A vision frontend renders the conversation as text, splits it at the image sentinel and tokenizes the pieces one
# by one, splicing image tokens in between. The first piece starts with the template's BOS; tokenizing it with
# special tokens on (the default, or a flag that is on for the first piece only) gives it a second one.
from transformers import AutoTokenizer

IMAGE = "\x00IMG\x00"
tokenizer = AutoTokenizer.from_pretrained("google/gemma-3-4b-it")


def encode_with_images(messages, image_token_id, counts):
    text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    segments = text.split(IMAGE)
    ids = []
    first = True
    for i, segment in enumerate(segments):
        ids.extend(tokenizer.encode(segment, add_special_tokens=first))  # expect: CL002 "set by `first`, True on the loop's first pass"
        first = False
        if i < len(counts):
            ids.extend([image_token_id] * counts[i])
    return ids


def encode_by_index(messages, image_token_id, counts):
    text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    ids = []
    for i, segment in enumerate(text.split(IMAGE)):
        ids.extend(tokenizer.encode(segment, add_special_tokens=(i == 0)))  # expect: CL002 "the first of the pieces of"
        if i < len(counts):
            ids.extend([image_token_id] * counts[i])
    return ids


def encode_pieces(messages):
    text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    return [tokenizer(piece)["input_ids"] for piece in text.split(IMAGE)]  # expect: CL002 "the first of the pieces of"


def ppo_queries(tokenizer, conversation):
    # the leading pieces of a split render joined again keep its start, the BOS
    text = tokenizer.apply_chat_template(conversation, tokenize=False)
    chunks = text.split("[/INST] ")
    query = "[/INST] ".join(chunks[:-1]) + "[/INST] "
    return tokenizer(query, return_tensors="pt").input_ids[0], chunks[-1]  # expect: CL002 "`query` is rendered by"
