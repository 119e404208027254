# Batches and tuples that stop at the question are prompts: the generation prompt belongs there. A tuple of values
# (a prompt and its reply) is not a conversation.


def prompt_batch(tokenizer, question):
    batch = [({"role": "user", "content": question},)]
    return tokenizer.apply_chat_template(batch, add_generation_prompt=True, tokenize=False)


def prompt_lists(tokenizer, questions):
    batch = [[{"role": "user", "content": questions[0]}], [{"role": "user", "content": questions[1]}]]
    return tokenizer.apply_chat_template(batch, add_generation_prompt=True, tokenize=False)


def split_pair(example):
    return example["prompt"], example["response"]


def render_prompt(tokenizer, example):
    prompt, _ = split_pair(example)
    return tokenizer.apply_chat_template(prompt, add_generation_prompt=True, tokenize=False)
