# Helpers that tokenize the items of a list they are given: one loop over the texts zipped with their completions,
# one that first gathers the joined texts in a list of its own; the caller hands them rendered prompts.


def encode_pairs(tokenizer, prompt_texts, completions):
    return [tokenizer.encode(prompt + completion) for prompt, completion in zip(prompt_texts, completions)]


def encode_preferences(tokenizer, prompt_texts, pairs):
    chosen = []
    for index, (prompt_text, pair) in enumerate(zip(prompt_texts, pairs)):
        chosen.append(prompt_text + pair[0])
    return [tokenizer.encode(text) for text in chosen]


def online_step(tokenizer, conversations, completions, pairs):
    prompt_texts = [
        tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        for conversation in conversations
    ]
    rollouts = encode_pairs(tokenizer, prompt_texts, completions)  # expect: CL002 "through the helper `encode_pairs`"
    preferred = encode_preferences(tokenizer, prompt_texts, pairs)  # expect: CL002 "through the helper `encode_preferences`"
    return rollouts, preferred
