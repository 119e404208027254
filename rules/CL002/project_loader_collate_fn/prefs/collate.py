# Collators that put each prompt in front of both replies.


class PairCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, features):
        prompts = [self.tokenizer(f["prompt_text"])["input_ids"] for f in features]  # expect: CL002 "in column `prompt_text` of the dataset `load_pairs` returns"
        replies = [self.tokenizer(f["chosen_text"], add_special_tokens=False)["input_ids"] for f in features]
        return [p + r for p, r in zip(prompts, replies)]


class PlainPairCollator:
    # the twin: the rendered prompt is tokenized without special tokens again
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, features):
        prompts = [self.tokenizer(f["prompt_text"], add_special_tokens=False)["input_ids"] for f in features]
        replies = [self.tokenizer(f["chosen_text"], add_special_tokens=False)["input_ids"] for f in features]
        return [p + r for p, r in zip(prompts, replies)]
