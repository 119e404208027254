# Text rendered by a chat template with `tokenize=False`, tokenized again with special tokens on.
import torch


def tokenize_example(example, tokenizer):
    # a function handed to `datasets.map`
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return tokenizer(text, truncation=True, max_length=2048)  # expect: CL002 "`text` is rendered by `tokenizer.apply_chat_template(..., tokenize=False)`, so it already starts"


def encode_conversation(tokenizer, conversation):
    rendered = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    return torch.tensor(tokenizer.encode(rendered))  # expect: CL002 "`rendered` is rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"


class ChatCollator:
    def __init__(self, tokenizer, max_length=1024):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __call__(self, examples):
        texts = [self.tokenizer.apply_chat_template(example["messages"], tokenize=False) for example in examples]
        batch = self.tokenizer(texts, padding=True, truncation=True, return_tensors="pt")  # expect: CL002 "`texts` holds texts rendered by `self.tokenizer.apply_chat_template(..., tokenize=False)`"
        batch["labels"] = batch["input_ids"].clone()
        return batch


class VisionCollator:
    def __init__(self, processor):
        self.processor = processor

    def __call__(self, examples):
        texts, images = [], []
        for example in examples:
            text = self.processor.apply_chat_template(example["messages"], tokenize=False)
            texts.append(text.strip())
            images.append(example["images"][0])
        batch = self.processor(text=texts, images=images, return_tensors="pt", padding=True)  # expect: CL002 "`texts` holds texts rendered by `self.processor.apply_chat_template(..., tokenize=False)`"
        batch["labels"] = batch["input_ids"].clone()
        return batch


def tokenize_row_field(example, tokenizer):
    example["text"] = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    tokenized = tokenizer(example["text"], add_special_tokens=True)  # expect: CL002 "already starts with the template's BOS, for chat templates that begin with one"
    example["input_ids"] = tokenized["input_ids"]
    return example


def tokenize_dict_row(example, processing_class):
    row = {"text": processing_class.apply_chat_template(example["messages"], tokenize=False)}
    return processing_class(row["text"])  # expect: CL002 '`row["text"]` is rendered by `processing_class.apply_chat_template(..., tokenize=False)`'


def prompt_plus_completion(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)
    text = prompt + example["completion"] + tokenizer.eos_token
    return tokenizer(text=text)  # expect: CL002 "`text` is rendered by `tokenizer.apply_chat_template(..., tokenize=False)`, so it already starts"


def one_branch_renders(example, tokenizer, use_chat_template):
    if use_chat_template:
        text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    else:
        text = example["text"]
    return tokenizer(text, truncation=True)  # expect: CL002 "already starts with the template's BOS (on at least one path)"


def kwargs_dict_without_the_flag(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    tokenizer_kwargs = {"truncation": True, "max_length": 512}
    return tokenizer(text, **tokenizer_kwargs)  # expect: CL002 "`text` is rendered by `tokenizer.apply_chat_template(..., tokenize=False)`, so it already starts"
