# The twins of flag_prompt_and_full_pairs.py: both sides tokenized without special tokens, the pair tokenized
# once by the template, or a prompt and full conversation whose renders start without a BOS.


def tokenize_pair(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    full_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def tokenized_by_the_template(example, tokenizer):
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True, return_dict=False)
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def stripped_bos(example, tokenizer):
    # the code removes the template's BOS from both texts by hand: the tokenizer's is the only one
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt = prompt.removeprefix(tokenizer.bos_token)
    full = full.removeprefix(tokenizer.bos_token)
    prompt_ids = tokenizer(prompt)["input_ids"]
    full_ids = tokenizer(full)["input_ids"]
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


class PairCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        prompts = [
            self.tokenizer.apply_chat_template(e["messages"][:-1], tokenize=False, add_generation_prompt=True)
            for e in examples
        ]
        texts = [self.tokenizer.apply_chat_template(e["messages"], tokenize=False) for e in examples]
        batch = self.tokenizer(texts, padding=True, return_tensors="pt", add_special_tokens=False)
        labels = batch["input_ids"].clone()
        for i, prompt in enumerate(prompts):
            n = len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])
            labels[i, :n] = -100
        batch["labels"] = labels
        return batch
