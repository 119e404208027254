# Text that never went through a chat template, or whose BOS is gone before it is tokenized.


def tokenize_documents(examples, tokenizer):
    # plain pretraining documents: the tokenizer's BOS is the only one
    return tokenizer(examples["text"], truncation=True, max_length=2048)


def render_ids(example, tokenizer):
    # rendered and tokenized in one step: one BOS
    return tokenizer.apply_chat_template(example["messages"], return_dict=False)


def reassigned_before_tokenizing(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    print(text)
    text = example["raw_text"]
    return tokenizer(text)


def bos_removed(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    text = text.removeprefix(tokenizer.bos_token)
    return tokenizer(text)


def completion_only(example, tokenizer):
    # the completion is the end of the render: its start, and the BOS, are cut off; nothing is concatenated
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    completion = full[len(prompt):]
    return len(tokenizer(completion)["input_ids"])


def other_branch(args, tokenizer, messages, prompt):
    if args.use_chat_template:
        prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        ids = tokenizer.encode(prompt, add_special_tokens=False)
    else:
        # only the plain prompt reaches this call
        ids = tokenizer.encode(prompt)
    return ids


def text_pairs_from_a_processor(processor, tokenizer, messages, images):
    # a processor that returns text and pixels is not a tokenizer
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    text, pixel_values = processor(text, images=images)
    return tokenizer.encode(text, add_special_tokens=False), pixel_values


def bytes_of_the_render(tokenizer, messages):
    text = tokenizer.apply_chat_template(messages, tokenize=False)
    return text.encode("utf-8")


def collate(items, tokenizer):
    def tokenizer(prompt, response):  # a local helper that shadows the name
        return prompt + response

    return [tokenizer(*item) for item in items]


def encoder_decoder(example, tokenizer):
    # separate sequences for an encoder-decoder model: never concatenated
    prompt = tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)
    prompt_tokens = tokenizer(prompt, add_special_tokens=False)
    chosen_tokens = tokenizer(example["chosen"], add_special_tokens=True)
    return {"prompt_input_ids": prompt_tokens["input_ids"], "labels": chosen_tokens["input_ids"]}


def split_without_special_tokens(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    completion_ids = tokenizer(example["completion"], add_special_tokens=False)["input_ids"]
    return prompt_ids + completion_ids
