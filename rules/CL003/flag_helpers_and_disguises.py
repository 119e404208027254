# The prompt length comes from a helper, an alias or a partial.
import functools
import typing


class Preprocessor:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def prompt_length(self, example):
        return len(self.tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False))  # expect: CL003 "masks the labels at `labels[:cut] = [-100] * cut` in `Preprocessor.__call__`"

    def __call__(self, example):
        input_ids = self.tokenizer.apply_chat_template(example["messages"], return_dict=False)
        labels = list(input_ids)
        cut = self.prompt_length(example)
        labels[:cut] = [-100] * cut
        return {"input_ids": input_ids, "labels": labels}


def tokenize_with_alias(example, tokenizer):
    render = tokenizer.apply_chat_template
    input_ids = render(example["messages"], return_dict=False)
    prompt_ids = render(example["messages"][:-1], return_dict=False)  # expect: CL003 "without `add_generation_prompt=True` through the alias `render`"
    labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
    return {"input_ids": input_ids, "labels": labels}


def tokenize_with_partial(example, tokenizer):
    render = functools.partial(tokenizer.apply_chat_template, tokenize=True, return_dict=False)
    input_ids = render(example["messages"], return_dict=False)
    prompt_ids = render(example["prompt"], return_dict=False)  # expect: CL003 'renders `example["prompt"]`, a prompt, without `add_generation_prompt=True` through the `functools.partial` `render`'
    labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
    return {"input_ids": input_ids, "labels": labels}


def tokenize_masked_tensor(example, tokenizer):
    encoded = tokenizer.apply_chat_template(example["messages"], return_dict=True, return_tensors="pt")
    prompt = tokenizer.apply_chat_template(  # expect: CL003 'masks the labels at `labels[:, : prompt["input_ids"].size(1)] = -100`'
        example["messages"][:-1], return_dict=True, return_tensors="pt"
    )
    labels = encoded["input_ids"].clone()
    labels[:, : prompt["input_ids"].size(1)] = -100
    encoded["labels"] = labels
    return encoded


def tokenize_into_row(row, tokenizer):
    # the renders are stored in the row and measured from there
    row["prompt_ids"] = tokenizer.apply_chat_template(row["messages"][:-1], return_dict=False)  # expect: CL003 'renders `row["messages"][:-1]`, which stops before the reply'
    row["input_ids"] = tokenizer.apply_chat_template(row["messages"], return_dict=False)
    row["labels"] = [-100] * len(row["prompt_ids"]) + row["input_ids"][len(row["prompt_ids"]) :]
    return row


class ChatTemplatePrompter:
    """A wrapper whose flags reach the template through a dict of keywords, with a default of False."""

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
        turns = sample["messages"]
        prompt_ids = self.prompter.build_prompt(turns[:-1])  # expect: CL003 "(set by the default of parameter `add_generation_prompt` of `ChatTemplatePrompter.build_prompt`)"
        input_ids = self.prompter.build_prompt(turns)
        labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
        return {"input_ids": input_ids, "labels": labels}


def tokenize_cast(example, tokenizer):
    # `typing.cast` leaves the ids as they are: their length still masks the labels
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = typing.cast(list, tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False))  # expect: CL003 "without `add_generation_prompt=True`, and its length masks the labels"
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def ids_of(tokenizer, text):
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def tokenize_through_ids_helper(example, tokenizer):
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False)  # expect: CL003 "its length masks the labels at `[-100] * len(prompt_ids)`"
    full_ids = ids_of(tokenizer, full)
    prompt_ids = ids_of(tokenizer, prompt)
    return {"input_ids": full_ids, "labels": [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]}


SYSTEM = {"role": "system", "content": "You are a helpful assistant."}


def with_system(messages):
    # messages put in front: what it returns ends as the conversation it is given does
    if messages and messages[0]["role"] == "system":
        return list(messages)
    return [SYSTEM, *messages]


def tokenize_with_system(example, tokenizer):
    messages = example["messages"]
    prompt = tokenizer.apply_chat_template(with_system(messages[:-1]), tokenize=False)  # expect: CL003 "which keeps the end of `messages[:-1]`"
    full = tokenizer.apply_chat_template(with_system(messages), tokenize=False)
    n = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    full_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    return {"input_ids": full_ids, "labels": [-100] * n + full_ids[n:]}
