# Label helpers shared by the datasets.
IGNORE_INDEX = -100


def mask_prompt(labels, prompt_len):
    labels = list(labels)
    n = min(prompt_len, len(labels))
    labels[:n] = [IGNORE_INDEX] * n
    return labels
