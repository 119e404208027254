# The training split is rendered to text; the validation split keeps its conversations.


def to_text(example, tokenizer):
    example["text"] = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return example


def prepare_splits(train_data, valid_data, tokenizer):
    train_data = train_data.map(to_text, fn_kwargs={"tokenizer": tokenizer})
    return train_data, valid_data


def prepare_if_chat(config, tokenizer, train_data, valid_data):
    # renders only when the configuration asks for a chat template: on that path the split holds renders
    if config.chat_template:
        train_data = train_data.map(to_text, fn_kwargs={"tokenizer": tokenizer})
    return train_data, valid_data
