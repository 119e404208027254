# Prompt-completion encoders whose column names come from a configuration: the key is named for the prompt
# (`self.prompt_key`, `prompt_field`), and the completion is tokenized after it, so the render is a prompt.
IGNORE_INDEX = -100


class PromptCompletionEncoder:
    def __init__(self, tokenizer, prompt_key, completion_key):
        self.tok = tokenizer
        self.prompt_key = prompt_key
        self.completion_key = completion_key

    def __call__(self, example):
        prompt = self.tok.apply_chat_template(example[self.prompt_key], tokenize=False, add_generation_prompt=True)
        prompt_ids = self.tok(prompt, add_special_tokens=False)["input_ids"]
        completion_ids = self.tok(example[self.completion_key] + self.tok.eos_token, add_special_tokens=False)[
            "input_ids"
        ]
        labels = [IGNORE_INDEX] * len(prompt_ids) + completion_ids
        return {"input_ids": prompt_ids + completion_ids, "labels": labels}


def encode_row(example, tokenizer, prompt_field):
    ids = tokenizer.apply_chat_template(example[prompt_field], add_generation_prompt=True, return_dict=False)
    return {"input_ids": ids, "labels": [IGNORE_INDEX] * len(ids)}


def prompt_tokens(tokenizer, turns, **options):
    # a wrapper named for prompts: what it renders of the data's conversation is a prompt (an RL rollout's)
    cleaned = [{"role": turn["role"], "content": turn["content"].strip()} for turn in turns]
    return tokenizer.apply_chat_template(cleaned, add_generation_prompt=True, return_dict=False, **options)


def rollout_features(tokenizer, example):
    ids = prompt_tokens(tokenizer, example["turns"])
    return {"input_ids": ids, "labels": [-100] * len(ids)}
