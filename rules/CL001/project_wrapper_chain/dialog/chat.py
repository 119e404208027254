# Inference: the same wrappers with a generation prompt, on the prompt: quiet.
from dialog.sharegpt import render_sharegpt
from dialog.templating import format_turns


def reply(model, tok, turns):
    prompt = format_turns(tok, turns, add_generation_prompt=True)
    inputs = tok(prompt, add_special_tokens=False, return_tensors="pt")
    return model.generate(**inputs, max_new_tokens=256)


def reply_sharegpt(model, tok, turns):
    prompt = render_sharegpt(tok, turns, add_generation_prompt=True)
    return model.generate(**tok(prompt, add_special_tokens=False, return_tensors="pt"))
