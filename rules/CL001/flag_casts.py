# `typing.cast` changes what a type checker sees, not the conversation: its end is still the reply.
import typing
from typing import cast


def collate(examples, tokenizer):
    texts = []
    for example in examples:
        messages = typing.cast(list, example["messages"])
        texts.append(tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))  # expect: CL001 "renders `messages` = `example[\"messages\"]`, which ends with the assistant reply"
    batch = tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
    batch["labels"] = batch["input_ids"].clone()
    return batch


def render_full(example, tokenizer):
    conversation = cast("list[dict]", example["prompt"] + [{"role": "assistant", "content": example["answer"]}])
    text = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)  # expect: CL001 "which ends with the reply"
    return {"text": text}
