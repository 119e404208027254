# Prompt renders with the generation prompt: the mask ends right where the reply starts.
import typing

IGNORE_INDEX = -100


def tokenize_sft(example, tokenizer):
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True, return_dict=False)
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}


def tokenize_role_conditional(example, tokenizer):
    # the flag depends on the last turn's role: the code says what it means
    messages = example["messages"]
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    add_generation_prompt = messages[-1]["role"] == "assistant"
    prompt_ids = tokenizer.apply_chat_template(
        messages[:-1], add_generation_prompt=add_generation_prompt, return_dict=False
    )
    offset = len(prompt_ids)
    return (input_ids, offset)


class PromptCollator:
    def __init__(self, tokenizer, add_generation_prompt=True):
        self.tokenizer = tokenizer
        self.add_generation_prompt = add_generation_prompt

    def __call__(self, examples):
        rows = []
        for example in examples:
            ids = self.tokenizer.apply_chat_template(example["messages"], return_dict=False)
            prompt = self.tokenizer.apply_chat_template(
                example["messages"][:-1], add_generation_prompt=self.add_generation_prompt, return_dict=False
            )
            labels = [IGNORE_INDEX] * len(prompt) + ids[len(prompt) :]
            rows.append({"input_ids": ids, "labels": labels})
        return rows


def preference_text(data, tokenizer):
    prompt = tokenizer.apply_chat_template(data["prompt"], tokenize=False, add_generation_prompt=True)
    chosen = tokenizer.apply_chat_template(data["prompt"] + data["chosen"], tokenize=False)[len(prompt) :]
    return prompt, chosen


def kwargs_flag(example, tokenizer):
    options = {"add_generation_prompt": True, "tokenize": True, "return_dict": False}
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], **options)
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}


def tokenize_into_row(row, tokenizer):
    row["prompt_ids"] = tokenizer.apply_chat_template(
        row["messages"][:-1], add_generation_prompt=True, return_dict=False
    )
    row["input_ids"] = tokenizer.apply_chat_template(row["messages"], return_dict=False)
    row["labels"] = [-100] * len(row["prompt_ids"]) + row["input_ids"][len(row["prompt_ids"]) :]
    return row


class ChatTemplatePrompter:
    def __init__(self, tokenizer, chat_template=None):
        self.tokenizer = tokenizer
        self.chat_template = chat_template

    def build_prompt(self, conversation, add_generation_prompt=False):
        template_kwargs = {"chat_template": self.chat_template, "add_generation_prompt": add_generation_prompt}
        return self.tokenizer.apply_chat_template(conversation, return_dict=False, **template_kwargs)


class ChatTemplateStrategy:
    def __init__(self, prompter):
        self.prompter = prompter

    def tokenize_prompt(self, sample):
        # the call site passes True; the wrapper's default of False does not apply here
        turns = sample["messages"]
        prompt_ids = self.prompter.build_prompt(turns[:-1], add_generation_prompt=True)
        input_ids = self.prompter.build_prompt(turns)
        labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
        return {"input_ids": input_ids, "labels": labels}


def train_every_reply(example, tokenizer):
    conversation = example["messages"]
    input_ids = tokenizer.apply_chat_template(conversation, return_dict=False)
    labels = [-100] * len(input_ids)
    for index, message in enumerate(conversation):
        if message["role"] != "assistant":
            continue
        start = len(tokenizer.apply_chat_template(conversation[:index], add_generation_prompt=True, return_dict=False))
        end = len(tokenizer.apply_chat_template(conversation[: index + 1], return_dict=False))
        labels[start:end] = input_ids[start:end]
    return {"input_ids": input_ids, "labels": labels}


def tokenize_cast(example, tokenizer):
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = typing.cast(
        list, tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True, return_dict=False)
    )
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def ids_of(tokenizer, text):
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def tokenize_through_ids_helper(example, tokenizer):
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    full_ids = ids_of(tokenizer, full)
    prompt_ids = ids_of(tokenizer, prompt)
    return {"input_ids": full_ids, "labels": [-100] * len(prompt_ids) + full_ids[len(prompt_ids) :]}
