# Row functions: the encoder is a parameter; the script that maps them says which class it is.
def _join(prompt_ids, completion_ids):
    ids = prompt_ids + completion_ids
    return ids, [1] * len(ids)


def build_pair(example, encoder):
    prompt_ids = encoder.encode(example)  # expect: CL005 "through the helper `PromptEncoder.encode` (rmprep/encoding.py:13)"
    chosen = encoder.tokenizer(example["chosen"], add_special_tokens=False)["input_ids"]
    ids, mask = _join(prompt_ids, chosen)
    return {"input_ids": ids, "attention_mask": mask}


def build_listed_pair(example, encoder):
    prompt_ids = encoder.encode(example)
    chosen = encoder.tokenizer(example["chosen"], add_special_tokens=False)["input_ids"]
    ids, mask = _join(prompt_ids, chosen)
    return {"input_ids": ids, "attention_mask": mask}
