# The twins of flag_template_kwargs_from_data.py: without the flag, a mapping from the data adds no generation
# prompt; a wrapper's `**kwargs` is judged at its callers, and a prompt render is not a full conversation.


def render_text(tokenizer, messages, **kwargs):
    # quiet here: its callers decide what `**kwargs` holds
    return tokenizer.apply_chat_template(messages, tokenize=False, **kwargs)


def collate(examples, tokenizer):
    texts = [render_text(tokenizer, example["messages"], **example.get("chat_template_kwargs", {})) for example in examples]
    batch = tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch


def collate_direct(examples, tokenizer):
    texts = [
        tokenizer.apply_chat_template(example["messages"], tokenize=False, **example.get("chat_template_kwargs", {}))
        for example in examples
    ]
    batch = tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch


def prompts(examples, tokenizer):
    return [
        render_text(tokenizer, example["messages"][:-1], add_generation_prompt=True, **example["chat_template_kwargs"])
        for example in examples
    ]
