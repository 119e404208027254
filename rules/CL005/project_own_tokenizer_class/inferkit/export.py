"""Export a calibration set of prompt ids with the checkpoint's transformers tokenizer."""

from transformers import AutoTokenizer

from inferkit.hf_render import prompt_ids


def calibration_ids(checkpoint, conversations):
    tokenizer = AutoTokenizer.from_pretrained(checkpoint)
    rows = []
    for messages in conversations:
        ids = prompt_ids(tokenizer, messages)  # expect: CL005 "used as a list of ids"
        rows.append(ids[:2048])
    return rows
