# Template keyword arguments read from the data carry template variables, not `add_generation_prompt`: the
# flag the call shows is the flag it renders with.


def collate(examples, tokenizer):
    texts = [
        tokenizer.apply_chat_template(
            example["messages"], tokenize=False, add_generation_prompt=True, **example.get("chat_template_kwargs", {})  # expect: CL001 "with `add_generation_prompt=True`: every example ends with an empty assistant header"
        )
        for example in examples
    ]
    batch = tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch


def render_text(tokenizer, messages, **kwargs):
    return tokenizer.apply_chat_template(messages, tokenize=False, **kwargs)


def collate_through_wrapper(examples, tokenizer):
    texts = [
        render_text(tokenizer, example["messages"], add_generation_prompt=True, **example["chat_template_kwargs"])  # expect: CL001 "through the wrapper `render_text`"
        for example in examples
    ]
    batch = tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch
