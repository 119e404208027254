# Training examples rendered through the wrapper of a wrapper with a generation prompt, and through a local wrapper
# of the imported one.
from dialog.sharegpt import render_sharegpt
from dialog.templating import apply_chat, format_turns


def render_local(tok, conversation, with_prompt):
    return apply_chat(tok, conversation, add_generation_prompt=with_prompt)


def collate(tok, rows):
    texts = [format_turns(tok, row["turns"], add_generation_prompt=True) for row in rows]  # expect: CL001 "through the wrapper `format_turns`"
    batch = tok(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch


def collate_local(tok, rows):
    texts = [render_local(tok, row["messages"], True) for row in rows]  # expect: CL001 "through the wrapper `render_local`"
    batch = tok(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch


def collate_sharegpt(tok, rows):
    texts = [render_sharegpt(tok, row["conversations"], add_generation_prompt=True) for row in rows]  # expect: CL001 "through the wrapper `render_sharegpt`"
    batch = tok(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch
