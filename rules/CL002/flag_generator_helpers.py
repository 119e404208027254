# A generator that yields rendered texts: each text the caller's loop takes from it starts with the template's BOS.


def iterate_texts(tokenizer, dataset):
    for example in dataset:
        yield tokenizer.apply_chat_template(example["messages"], tokenize=False)


def iterate_prompts(tokenizer, dataset):
    for example in dataset:
        prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
        yield prompt.strip()


def encode_all(tokenizer, dataset):
    encoded = []
    for text in iterate_texts(tokenizer, dataset):
        encoded.append(tokenizer(text, truncation=True)["input_ids"])  # expect: CL002 "yielded by `iterate_texts`"
    return encoded


def encode_prompts(tokenizer, dataset):
    return [tokenizer.encode(prompt) for prompt in iterate_prompts(tokenizer, dataset)]  # expect: CL002 "yielded by"
