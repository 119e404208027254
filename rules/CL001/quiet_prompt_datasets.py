# Prompt datasets whose `messages` hold only the prompt, filtered conversations, and wrappers whose callers
# pass prompts.


def make_grpo_prompt(example, tokenizer):
    return {"prompt": tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=True)}


def prepare_rl(dataset, tokenizer):
    return dataset.map(make_grpo_prompt, fn_kwargs={"tokenizer": tokenizer})


class GenerationCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        prompts = [
            self.tokenizer.apply_chat_template(
                [message for message in example["messages"] if message["role"] != "assistant"],
                tokenize=False,
                add_generation_prompt=True,
            )
            for example in examples
        ]
        return self.tokenizer(prompts, padding=True, return_tensors="pt", add_special_tokens=False)


class MaskingCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def _render(self, messages, add_generation_prompt=True):
        return self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=add_generation_prompt
        )

    def __call__(self, examples):
        input_ids, labels = [], []
        for example in examples:
            prompt = self._render(example["messages"][:-1])
            full = self._render(example["messages"], add_generation_prompt=False)
            prompt_ids = self.tokenizer(prompt, add_special_tokens=False)["input_ids"]
            full_ids = self.tokenizer(full, add_special_tokens=False)["input_ids"]
            input_ids.append(full_ids)
            labels.append([-100] * len(prompt_ids) + full_ids[len(prompt_ids) :])
        return {"input_ids": input_ids, "labels": labels}


def with_system_prompt(example, tokenizer, system):
    # the render is kept under a local name and stored as the row's prompt (an RL prompt dataset)
    messages = [{"role": "system", "content": system}, *example["messages"]]
    formatted = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return {"prompt": formatted, "messages": messages}


def prepare_rl_with_system(dataset, tokenizer, system):
    return dataset.map(with_system_prompt, fn_kwargs={"tokenizer": tokenizer, "system": system})


IGNORE_INDEX = -100


class ResponseColumnFormatter:
    # the data's `messages` hold the context only, the reply is its own column: the render is the prompt whose
    # length masks the labels, and the reply's tokens follow it
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, example):
        prompt_ids = self.tokenizer.apply_chat_template(
            example["messages"], tokenize=True, return_dict=False, add_generation_prompt=True
        )
        response_ids = self.tokenizer(example["response"], add_special_tokens=False)["input_ids"]
        labels = [IGNORE_INDEX] * len(prompt_ids) + response_ids
        return {"input_ids": prompt_ids + response_ids, "labels": labels}
