# The twins of flag_template_kwargs_from_data.py: a mapping the caller fills, or one the code cannot see, may
# carry `tokenize` or `return_dict`; a mapping from the data does not change a call that asks for a list.


def prompt_length(example, tokenizer):
    prompt_ids = tokenizer.apply_chat_template(
        example["messages"][:-1],
        add_generation_prompt=True,
        return_dict=False,
        **example.get("chat_template_kwargs", {}),
    )
    return len(prompt_ids)


def prompt_length_from_caller(example, tokenizer, **template_kwargs):
    # the function's own `**kwargs`: its callers decide what it holds
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True, **template_kwargs)
    return len(prompt_ids)


def prompt_length_from_parameter(example, tokenizer, template_kwargs=None):
    prompt_ids = tokenizer.apply_chat_template(
        example["messages"][:-1], add_generation_prompt=True, **(template_kwargs or {})
    )
    return len(prompt_ids)


class Encoder:
    def __init__(self, tokenizer, template_kwargs):
        self.tokenizer = tokenizer
        self.template_kwargs = template_kwargs

    def prompt_length(self, example):
        # set from outside: it may hold `return_dict=False`
        prompt_ids = self.tokenizer.apply_chat_template(example["messages"][:-1], **self.template_kwargs)
        return len(prompt_ids)


def prompt_length_changed(example, tokenizer, overrides):
    options = {"add_generation_prompt": True}
    options.update(overrides)
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], **options)
    return len(prompt_ids)


def row_ids(row, tokenizer):
    encoding = tokenizer.apply_chat_template(row["messages"], **row["chat_template_kwargs"])
    return {"input_ids": encoding["input_ids"], "attention_mask": encoding["attention_mask"]}
