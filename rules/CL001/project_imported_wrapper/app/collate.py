# The wrapper imported from another module, called with the generation prompt on full conversations that become
# training labels: the flag is set here, at the call site, so the finding and its fix are here.
from app import render_chat


def collate(batch, tokenizer):
    texts = [render_chat(tokenizer, example["messages"], add_generation_prompt=True) for example in batch]  # expect: CL001 "through the wrapper `render_chat` (app/chat_utils.py:5)"
    encoded = tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
    encoded["labels"] = encoded["input_ids"].clone()
    return encoded
