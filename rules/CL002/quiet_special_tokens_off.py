# Rendered text tokenized with `add_special_tokens=False`, in all the ways it can be said.


def tokenize_example(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return tokenizer(text, truncation=True, add_special_tokens=False)


def through_kwargs(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    kwargs = {"add_special_tokens": False, "truncation": True}
    return tokenizer(text, **kwargs)


def through_opaque_kwargs(example, tokenizer, **tokenizer_kwargs):
    # the caller may pass `add_special_tokens=False`: not for this rule to guess
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return tokenizer(text, **tokenizer_kwargs)


def through_a_local_name(example, tokenizer):
    special = False
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return tokenizer.encode(text, add_special_tokens=special)


class ChatMLCollator:
    """Modelled on a released ChatML collator: every render is tokenized without special tokens."""

    def __init__(self, tokenizer, max_length=1024):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __call__(self, examples):
        input_ids, prompts = [], []
        for example in examples:
            formatted_prompt = self.tokenizer.apply_chat_template(
                example["messages"][:-1], tokenize=False, add_generation_prompt=True
            )
            formatted_message = self.tokenizer.apply_chat_template(example["messages"], tokenize=False)
            tokenized_message = self.tokenizer(
                formatted_message,
                truncation=True,
                max_length=self.max_length,
                padding=False,
                return_tensors=None,
                add_special_tokens=False,
            )
            input_ids.append(tokenized_message["input_ids"])
            tokenized_prompt = self.tokenizer(
                formatted_prompt,
                truncation=True,
                max_length=len(input_ids[-1]),
                add_special_tokens=False,
            )
            prompts.append(tokenized_prompt["input_ids"])
        return {"input_ids": input_ids, "prompts": prompts}


def encode_without_special(tokenizer, text):
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def through_a_helper_that_turns_them_off(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return encode_without_special(tokenizer, text)


class Flagged:
    def __init__(self, tokenizer, add_special_tokens):
        self.tokenizer = tokenizer
        self.add_special_tokens = add_special_tokens

    def tokenize(self, example):
        # the value comes from whoever builds the object: unknown here
        text = self.tokenizer.apply_chat_template(example["messages"], tokenize=False)
        return self.tokenizer(text, add_special_tokens=self.add_special_tokens)
