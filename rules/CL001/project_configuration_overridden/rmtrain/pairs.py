# Reward pairs: prompt plus each reply, rendered by the renderer the script builds.
from .templating import ChatRenderer, render_for_sampling


def build_pair(example, renderer: ChatRenderer, tokenizer):
    out = {}
    for side in ("chosen", "rejected"):
        conversation = example["prompt"] + [{"role": "assistant", "content": example[side]}]
        enc = tokenizer(renderer(conversation), add_special_tokens=False)
        out[f"input_ids_{side}"] = enc["input_ids"]
    return out


def build_sampled_pair(example, tokenizer):
    conversation = example["prompt"] + [{"role": "assistant", "content": example["chosen"]}]
    text = render_for_sampling(tokenizer, conversation)  # expect: CL001 "through the wrapper `render_for_sampling` (rmtrain/templating.py:17)"
    return {"input_ids": tokenizer(text, add_special_tokens=False)["input_ids"]}
