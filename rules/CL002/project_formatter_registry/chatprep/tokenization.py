# Tokenizes the `text` column of the dataset it is given: special tokens on (the first), or off (the second).


def tokenize_text_column(dataset, tokenizer, cfg):
    def _tokenize(batch):
        return tokenizer(batch["text"], truncation=True, max_length=cfg.max_length)

    return dataset.map(_tokenize, batched=True, remove_columns=dataset.column_names)


def tokenize_rendered_column(dataset, tokenizer, cfg):
    def _tokenize(batch):
        return tokenizer(batch["text"], truncation=True, max_length=cfg.max_length, add_special_tokens=False)

    return dataset.map(_tokenize, batched=True, remove_columns=dataset.column_names)
