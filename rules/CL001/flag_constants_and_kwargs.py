# The flag set far from the call: module constants, module-level and `self.` kwargs dicts, keys set later,
# and a `functools.partial` stored on `self`.
import functools

ADD_GENERATION_PROMPT = True  # expect: CL001 "(set by `ADD_GENERATION_PROMPT = ...` at module level)"
TEMPLATE_KWARGS = {"tokenize": False, "add_generation_prompt": True}  # expect: CL001 'in `preprocess`, which assigns `encoded["labels"]`, with `add_generation_prompt=True` (set by the `**TEMPLATE_KWARGS` dict)'


class ConstantCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, features):
        encoded = self.tokenizer.apply_chat_template(
            [feature["messages"] for feature in features],
            add_generation_prompt=ADD_GENERATION_PROMPT,
            padding=True,
            return_dict=True,
            return_tensors="pt",
        )
        encoded["labels"] = encoded["input_ids"].clone()
        return encoded


def preprocess(batch, tokenizer):
    texts = [tokenizer.apply_chat_template(conversation, **TEMPLATE_KWARGS) for conversation in batch["messages"]]
    encoded = tokenizer(texts, add_special_tokens=False)
    encoded["labels"] = [list(ids) for ids in encoded["input_ids"]]
    return encoded


def keys_set_later(example, tokenizer):
    template_kwargs = {"tokenize": False}
    template_kwargs["add_generation_prompt"] = True  # expect: CL001 "in `keys_set_later`, which builds a dict with `'labels'`"
    text = tokenizer.apply_chat_template(example["messages"], **template_kwargs)
    return {"text": text, "labels": text}


def keys_updated(example, tokenizer):
    options = {"tokenize": False}
    options.update(add_generation_prompt=True)  # expect: CL001 "in `keys_updated`, which builds a dict with `'labels'`"
    text = tokenizer.apply_chat_template(example["messages"], **options)
    return {"text": text, "labels": text}


class KwargsOnSelfDataset:
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer
        self.template_kwargs = {"tokenize": False, "add_generation_prompt": True}  # expect: CL001 "(set by the `**self.template_kwargs` dict)"

    def __getitem__(self, index):
        text = self.tokenizer.apply_chat_template(self.rows[index]["messages"], **self.template_kwargs)
        return {"text": text, "labels": text}


class PartialOnSelfCollator:
    def __init__(self, processor):
        self.processor = processor
        self.render = functools.partial(processor.apply_chat_template, tokenize=False, add_generation_prompt=True)  # expect: CL001 "(set by the `functools.partial` `self.render`) through the `functools.partial` `self.render`"

    def __call__(self, examples):
        texts = [self.render(example["messages"]) for example in examples]
        batch = self.processor(text=texts, return_tensors="pt", padding=True, add_special_tokens=False)
        batch["labels"] = batch["input_ids"].clone()
        return batch
