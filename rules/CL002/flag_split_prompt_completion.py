# A prompt and a completion tokenized separately, each with special tokens, then concatenated: a BOS in the middle.


def render_prompt(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def build_example(example, tokenizer):
    prompt = example["prompt"]
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    completion_ids = tokenizer(example["completion"])["input_ids"]  # expect: CL002 "its ids are appended after those of `prompt` (`prompt_ids + completion_ids`)"
    input_ids = prompt_ids + completion_ids + [tokenizer.eos_token_id]
    labels = [-100] * len(prompt_ids) + completion_ids + [tokenizer.eos_token_id]
    return {"input_ids": input_ids, "labels": labels}


def build_with_encode(tokenizer, question, answer):
    ids = tokenizer.encode(question)
    ids += tokenizer.encode(answer)  # expect: CL002 "appended after those of `question` (`ids += tokenizer.encode(answer)`)"
    return ids


def build_from_encodings(tokenizer, example):
    prompt_tokens = tokenizer(example["prompt"])
    answer_tokens = tokenizer(example["answer"], truncation=True)  # expect: CL002 '`example["answer"]` is tokenized with special tokens'
    return {"input_ids": prompt_tokens["input_ids"] + answer_tokens["input_ids"]}
