# Preference and prompt-completion rows for trl, whose `prompt` a helper of another module renders without the
# generation prompt: the trainer takes the assistant header as the start of the completion.
from . import prompts
from .prompts import prompt_of, render_chat


def to_dpo(example, tokenizer):
    return {
        "prompt": prompt_of(example, tokenizer),  # expect: CL003 "through the helper `prompt_of` (pipeline/prompts.py:5)"
        "chosen": example["chosen"],
        "rejected": example["rejected"],
    }


def to_kto(example, tokenizer):
    prompt = render_chat(tokenizer, example["messages"][:-1])  # expect: CL003 "(set by the default of parameter `add_generation_prompt` of `render_chat`"
    return {"prompt": prompt, "completion": example["messages"][-1]["content"], "label": example["label"]}


def to_orpo(row, tokenizer):
    row["prompt"] = prompts.prompt_of(row, tokenizer)  # expect: CL003 "`row[\"prompt\"] = ...` on a row with `chosen`, `rejected`"
    row["chosen"] = row["chosen"][-1]["content"]
    row["rejected"] = row["rejected"][-1]["content"]
    return row
