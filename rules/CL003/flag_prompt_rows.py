# A preference or prompt-completion row whose `prompt` is a chat render without the generation prompt: the trainer
# (trl's DPO, ORPO, CPO, KTO, SFT on prompt-completion data) conditions on the prompt and trains what follows it,
# so the assistant header lands in the completion.
import typing


def to_preference(example, tokenizer):
    return {
        "prompt": tokenizer.apply_chat_template(example["chosen"][:-1], tokenize=False),  # expect: CL003 "it is the `prompt` of"
        "chosen": example["chosen"][-1]["content"],
        "rejected": example["rejected"][-1]["content"],
    }


def to_preference_by_name(example, tokenizer):
    conversation = example["messages"]
    prompt = tokenizer.apply_chat_template(conversation[:-1], tokenize=False)  # expect: CL003 "the row `{\"prompt\": ..., \"chosen\": ..., \"rejected\": ...}`"
    return {"prompt": prompt, "chosen": example["chosen"], "rejected": example["rejected"]}


def to_orpo_row(row, tokenizer):
    row["prompt"] = tokenizer.apply_chat_template(row["chosen"][:-1], tokenize=False)  # expect: CL003 "`row[\"prompt\"] = ...` on a row with `chosen`, `rejected`"
    row["chosen"] = row["chosen"][-1]["content"]
    row["rejected"] = row["rejected"][-1]["content"]
    return row


def to_kto_row(example, tokenizer):
    # trl 0.11's KTO script: the row keeps its `completion`, read here
    if isinstance(example["completion"], str):
        example["prompt"] = tokenizer.apply_chat_template(example["prompt"], tokenize=False)  # expect: CL003 "renders `example[\"prompt\"]`, a prompt"
    else:
        example["prompt"] = tokenizer.apply_chat_template(example["completion"][:-1], tokenize=False)  # expect: CL003 "`example[\"prompt\"] = ...` on a row with `completion`"
    return example


def render_prompt(example, tokenizer):
    return tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False)  # expect: CL003 "in `to_completion_row`"


def to_completion_row(example, tokenizer):
    prompt = typing.cast(str, render_prompt(example, tokenizer))
    return {"prompt": prompt, "completion": example["messages"][-1]["content"]}


def to_row_built_in_steps(prompt_messages, chosen, rejected, tokenizer):
    row = {"prompt": tokenizer.apply_chat_template(prompt_messages, tokenize=False, add_generation_prompt=False)}  # expect: CL003 "`row = {\"prompt\": ...}` on a row with `chosen`, `rejected`"
    row["chosen"] = chosen
    row["rejected"] = rejected
    return row


class PreferenceFormatter:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def prompt_text(self, messages):
        return self.tokenizer.apply_chat_template(messages[:-1], tokenize=False)  # expect: CL003 "in `PreferenceFormatter.__call__`"

    def __call__(self, example):
        rows = []
        for chosen, rejected in zip(example["chosen"], example["rejected"]):
            rows.append({"prompt": self.prompt_text(chosen), "chosen": chosen[-1], "rejected": rejected[-1]})
        return rows


def sample_pairs(model, tokenizer, example):
    # rows generated for preference training: the prompt was generated from without the header, too
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False)  # expect: CL003 "takes the assistant header after it as part of the completion"
    inputs = tokenizer(prompt, return_tensors="pt", add_special_tokens=False)
    first, second = model.generate(**inputs, num_return_sequences=2, do_sample=True)
    return {"prompt": prompt, "chosen": tokenizer.decode(first), "rejected": tokenizer.decode(second)}


def to_kto_dict(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False)  # expect: CL003 "the row `{\"prompt\": ..., \"completion\": ...}`"
    return dict(prompt=prompt, completion=example["messages"][-1]["content"], label=True)


def build_preference_columns(conversations, tokenizer):
    prompts, chosen, rejected = [], [], []
    for conversation in conversations:
        prompts.append(tokenizer.apply_chat_template(conversation["chosen"][:-1], tokenize=False))  # expect: CL003 "it is a `prompt` in the columns `{\"prompt\": ..., \"chosen\": ..., \"rejected\": ...}`"
        chosen.append(conversation["chosen"][-1]["content"])
        rejected.append(conversation["rejected"][-1]["content"])
    return {"prompt": prompts, "chosen": chosen, "rejected": rejected}


def build_completion_columns(conversations, tokenizer):
    prompts = [tokenizer.apply_chat_template(c[:-1], tokenize=False) for c in conversations]  # expect: CL003 "the columns `{\"prompt\": ..., \"completion\": ...}`"
    return {"prompt": prompts, "completion": [c[-1]["content"] for c in conversations]}


def prompt_completion_ids(example, processing_class, conversational):
    # the prompt's ids come from a render on one path and from plain text on the other: the render's path is wrong
    if conversational:
        prompt_ids = processing_class.apply_chat_template(example["prompt"], return_dict=False)  # expect: CL003 "renders `example[\"prompt\"]`, a prompt, without `add_generation_prompt=True`"
        full_ids = processing_class.apply_chat_template(example["prompt"] + example["completion"], return_dict=False)
    else:
        prompt_ids = processing_class(text=example["prompt"])["input_ids"]
        full_ids = processing_class(text=example["prompt"] + example["completion"])["input_ids"]
    completion_mask = [0] * len(prompt_ids) + [1] * (len(full_ids) - len(prompt_ids))
    return {"input_ids": full_ids, "completion_mask": completion_mask}
