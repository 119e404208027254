# The twins of flag_turn_renders.py: growing prefixes of one conversation, a batch of whole conversations, one-turn
# prompts kept apart, and code for a family whose template writes no BOS.


def prefix_lengths(messages, tokenizer):
    # each render is the conversation so far; the difference between two renders is one turn
    lengths = []
    for end in range(1, len(messages) + 1):
        ids = tokenizer.apply_chat_template(messages[:end], return_dict=False)
        lengths.append(len(ids))
    return lengths


def render_batch(conversations, tokenizer):
    texts = []
    for conversation in conversations:
        texts.append(tokenizer.apply_chat_template(conversation, tokenize=False))
    return texts


def prompts_per_message(user_messages, tokenizer):
    prompts = []
    for message in user_messages:
        prompts.append(tokenizer.apply_chat_template([message], tokenize=False, add_generation_prompt=True))
    return prompts


def qwen_per_turn_ids(messages, tokenizer):
    input_ids = []
    for message in messages:
        input_ids += tokenizer.apply_chat_template([message], return_dict=False)
    return input_ids
