# The same wrapper in inference code: the generation prompt is what generation needs. Quiet.
from .chat_utils import render_chat


def answer(model, tokenizer, messages):
    prompt = render_chat(tokenizer, messages, add_generation_prompt=True)
    inputs = tokenizer(prompt, add_special_tokens=False, return_tensors="pt")
    return model.generate(**inputs, max_new_tokens=256)
