# The twins of flag_batched_columns.py: columns the module never renders into (another field of the configuration,
# another key), and rendered columns tokenized without special tokens.


def render(example, tokenizer, config):
    example[config.text_column] = tokenizer.apply_chat_template(example[config.text_column], tokenize=False)
    example["chosen"] = tokenizer.apply_chat_template(example["chosen"], tokenize=False)
    return example


def prepare(dataset, tokenizer, config):
    return dataset.map(render, fn_kwargs={"tokenizer": tokenizer, "config": config})


def tokenize_prompts(examples, tokenizer, config):
    return tokenizer(examples[config.prompt_column], truncation=True)


def tokenize_documents(examples, tokenizer):
    return [tokenizer(document)["input_ids"] for document in examples["document"]]


def tokenize(examples, tokenizer, config):
    return tokenizer(examples[config.text_column], truncation=True, add_special_tokens=False)


def preprocess_reward(examples, tokenizer):
    return [tokenizer(chosen, add_special_tokens=False)["input_ids"] for chosen in examples["chosen"]]
