# A flag handed on by position, through a wrapper of a wrapper: the outer call's value reaches the template.


def render_chat(tokenizer, messages, add_generation_prompt=False):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)


def format_example(tokenizer, messages, generation):
    # passes its flag on by position
    return render_chat(tokenizer, messages, generation)


def collate(examples, tokenizer):
    texts = [format_example(tokenizer, example["messages"], True) for example in examples]  # expect: CL001 "with `add_generation_prompt=True` through the wrapper `format_example`"
    batch = tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch


def format_by_keyword(tokenizer, messages, generation=False):
    return render_chat(tokenizer, messages, add_generation_prompt=generation)


def collate_by_keyword(examples, tokenizer):
    texts = [format_by_keyword(tokenizer, example["messages"], generation=True) for example in examples]  # expect: CL001 "through the wrapper `format_by_keyword`"
    batch = tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch


class Renderer:
    # a method named like the module's wrapper above: each is a wrapper of its own
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def render_chat(self, messages, add_generation_prompt=False):
        return self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=add_generation_prompt
        )

    def collate(self, examples):
        texts = [self.render_chat(example["messages"], True) for example in examples]  # expect: CL001 "through the wrapper `Renderer.render_chat`"
        batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch
