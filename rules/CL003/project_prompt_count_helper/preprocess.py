# The prompt's count without the generation prompt masks too few labels: the assistant header is trained on (the
# finding); the count of the prompt with its header masks exactly the prompt.
from templating import prompt_token_count, prompt_token_count_with_header, render_ids

IGNORE = -100


def tokenize_and_mask(example, tokenizer):
    conversation = example["conversation"]
    input_ids = render_ids(tokenizer, conversation)
    n_prompt = prompt_token_count(tokenizer, conversation)  # expect: CL003 "through the helper `prompt_token_count` (templating.py:10)"
    labels = list(input_ids)
    labels[:n_prompt] = [IGNORE] * n_prompt
    return {"input_ids": input_ids, "labels": labels}


def tokenize_and_mask_header(example, tokenizer):
    conversation = example["conversation"]
    input_ids = render_ids(tokenizer, conversation)
    n_prompt = prompt_token_count_with_header(tokenizer, conversation)
    labels = list(input_ids)
    labels[:n_prompt] = [IGNORE] * n_prompt
    return {"input_ids": input_ids, "labels": labels}
