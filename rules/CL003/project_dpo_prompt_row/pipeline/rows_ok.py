# The twins: the helper that renders the generation prompt, the wrapper asked for it, and rows that are not
# preference or prompt-completion rows. Quiet.
from .prompts import generation_prompt_of, prompt_of, render_chat


def to_dpo(example, tokenizer):
    return {
        "prompt": generation_prompt_of(example, tokenizer),
        "chosen": example["chosen"],
        "rejected": example["rejected"],
    }


def to_kto(example, tokenizer):
    prompt = render_chat(tokenizer, example["messages"][:-1], add_generation_prompt=True)
    return {"prompt": prompt, "completion": example["messages"][-1]["content"], "label": example["label"]}


def to_prompt_only(example, tokenizer):
    return {"prompt": prompt_of(example, tokenizer), "id": example["id"]}
