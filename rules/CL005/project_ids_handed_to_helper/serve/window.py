# Keeps a prompt's ids inside the model's context window.


def fit_to_window(prompt_ids, max_context, reserve):
    budget = max_context - reserve
    if len(prompt_ids) > budget:
        prompt_ids = prompt_ids[-budget:]
    return prompt_ids


def count_keys(encoding):
    return len(encoding)
