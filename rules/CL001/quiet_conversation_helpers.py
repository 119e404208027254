# The twins of flag_conversation_helpers.py: helpers whose conversation stops before the reply (a prompt, asserted
# or built so), and a helper whose end the data decides.


def build_prompt(record):
    messages = [{"role": "system", "content": "You are a support agent."}]
    messages.append({"role": "user", "content": record["instruction"]})
    return messages


def build_history(example):
    messages = []
    for turn in example["turns"]:
        messages.append({"role": "assistant" if turn["speaker"] == "agent" else "user", "content": turn["text"]})
    assert messages[-1]["role"] == "user", "a rollout prompt ends with the user's turn"
    return messages


def build_any(example):
    messages = []
    for turn in example["turns"]:
        messages.append({"role": turn["role"], "content": turn["text"]})
    return messages


def to_text(example, tokenizer):
    return {"text": tokenizer.apply_chat_template(build_history(example), tokenize=False, add_generation_prompt=True)}


def to_prompt_text(example, tokenizer):
    return {"prompt": tokenizer.apply_chat_template(build_any(example), tokenize=False, add_generation_prompt=True)}


class PromptDataset:
    def __init__(self, records, tokenizer):
        self.records = records
        self.tokenizer = tokenizer

    def __getitem__(self, index):
        ids = self.tokenizer.apply_chat_template(build_prompt(self.records[index]), add_generation_prompt=True, return_dict=False)
        return {"input_ids": ids, "labels": list(ids)}


def prepare(dataset, tokenizer):
    return dataset.map(to_text, fn_kwargs={"tokenizer": tokenizer}).map(to_prompt_text, fn_kwargs={"tokenizer": tokenizer})
