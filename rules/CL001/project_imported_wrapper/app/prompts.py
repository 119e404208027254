# The wrapper on the prompt turns only (the reply is cut off): the generation prompt belongs there. Quiet.
from app import chat_utils


def prompt_and_labels(example, tokenizer):
    prompt = chat_utils.render_chat(tokenizer, example["messages"][:-1], add_generation_prompt=True)
    full = chat_utils.render_chat(tokenizer, example["messages"])
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    input_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
    return {"input_ids": input_ids, "labels": labels}
