# A prompt and its full conversation, both rendered and both tokenized again with special tokens, the prompt's
# length masking the labels: one finding for the pair, at the full conversation's call.


def tokenize_pair(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt_ids = tokenizer(prompt)["input_ids"]
    full_ids = tokenizer(full)["input_ids"]  # expect: CL002 "`full` and the prompt `prompt` are both rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def mask_in_place(example, tokenizer, max_length=2048):
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    input_ids = tokenizer.encode(full, truncation=True, max_length=max_length)  # expect: CL002 "The prompt's length masks the labels at `labels[:prompt_length] = [-100] * prompt_length`: fix both calls together"
    prompt_length = len(tokenizer.encode(prompt))
    labels = list(input_ids)
    labels[:prompt_length] = [-100] * prompt_length
    return {"input_ids": input_ids, "labels": labels}


def render(tokenizer, messages, add_generation_prompt=False):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)


def through_a_helper(example, tokenizer):
    full = render(tokenizer, example["messages"])
    prompt = render(tokenizer, example["messages"][:-1], add_generation_prompt=True)
    full_ids = tokenizer(full)["input_ids"]  # expect: CL002 "the prompt `prompt` are both rendered by `render(..., tokenize=False)` (the wrapper `render`)"
    prompt_ids = tokenizer(prompt)["input_ids"]
    return {"input_ids": full_ids, "labels": [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]}


def only_the_full_side(example, tokenizer):
    # the prompt is tokenized without special tokens: the full side alone is off by one, and alone to fix
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    full_ids = tokenizer(full)["input_ids"]  # expect: CL002 "`full` is rendered by `tokenizer.apply_chat_template(..., tokenize=False)`, so it already starts"
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def only_the_prompt_side(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt_ids = tokenizer(prompt)["input_ids"]  # expect: CL002 "`prompt` is rendered by `tokenizer.apply_chat_template(..., tokenize=False)`, so it already starts"
    full_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


class PairCollator:
    # per row: the prompt of each example, tokenized again, masks its row of the batch
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        prompts = [
            self.tokenizer.apply_chat_template(e["messages"][:-1], tokenize=False, add_generation_prompt=True)
            for e in examples
        ]
        texts = [self.tokenizer.apply_chat_template(e["messages"], tokenize=False) for e in examples]
        batch = self.tokenizer(texts, padding=True, return_tensors="pt")  # expect: CL002 "`texts` and the prompt `prompt` are both rendered by"
        labels = batch["input_ids"].clone()
        for i, prompt in enumerate(prompts):
            n = len(self.tokenizer(prompt)["input_ids"])
            labels[i, :n] = -100
        batch["labels"] = labels
        return batch

    def batched(self, examples):
        prompts = [
            self.tokenizer.apply_chat_template(e["messages"][:-1], tokenize=False, add_generation_prompt=True)
            for e in examples
        ]
        texts = [self.tokenizer.apply_chat_template(e["messages"], tokenize=False) for e in examples]
        batch = self.tokenizer(texts, padding=True, return_tensors="pt")  # expect: CL002 "`texts` and the prompts `prompts` are both rendered by"
        prompt_batch = self.tokenizer(prompts)
        labels = batch["input_ids"].clone()
        for i, ids in enumerate(prompt_batch["input_ids"]):
            labels[i, : len(ids)] = -100
        batch["labels"] = labels
        return batch
