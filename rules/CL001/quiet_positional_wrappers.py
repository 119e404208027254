# The twins of flag_positional_wrappers.py: the flag handed on by position is off, or the render is a prompt.


def render_chat(tokenizer, messages, add_generation_prompt=False):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)


def format_example(tokenizer, messages, generation):
    return render_chat(tokenizer, messages, generation)


def collate(examples, tokenizer):
    texts = [format_example(tokenizer, example["messages"], False) for example in examples]
    batch = tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch


def prompts(examples, tokenizer):
    # a prompt for generation: the header belongs there
    return [format_example(tokenizer, example["messages"][:-1], True) for example in examples]


def format_by_keyword(tokenizer, messages, generation=False):
    return render_chat(tokenizer, messages, add_generation_prompt=generation)


def collate_by_keyword(examples, tokenizer):
    texts = [format_by_keyword(tokenizer, example["messages"]) for example in examples]
    batch = tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch


class Renderer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def render_chat(self, messages, add_generation_prompt=False):
        return self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=add_generation_prompt
        )

    def collate(self, examples):
        texts = [self.render_chat(example["messages"], False) for example in examples]
        batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch

    def prompts(self, examples):
        return [self.render_chat(example["messages"][:-1], True) for example in examples]
