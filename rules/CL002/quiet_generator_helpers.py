# The twins of flag_generator_helpers.py: a generator of plain documents, one that yields token ids, and a render
# tokenized again without special tokens.


def iterate_documents(dataset):
    for example in dataset:
        yield example["text"]


def iterate_ids(tokenizer, dataset):
    for example in dataset:
        yield tokenizer.apply_chat_template(example["messages"], return_dict=False)


def iterate_texts(tokenizer, dataset):
    for example in dataset:
        yield tokenizer.apply_chat_template(example["messages"], tokenize=False)


def encode_documents(tokenizer, dataset):
    return [tokenizer(text, truncation=True)["input_ids"] for text in iterate_documents(dataset)]


def count_ids(tokenizer, dataset):
    return sum(len(ids) for ids in iterate_ids(tokenizer, dataset))


def encode_texts(tokenizer, dataset):
    return [tokenizer(text, add_special_tokens=False)["input_ids"] for text in iterate_texts(tokenizer, dataset)]
