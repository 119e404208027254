# Flags that depend on the role or the task, flags that are off, and prompt-length renders.


def role_dependent(tokenizer, example):
    conversation = example["messages"]
    ids = tokenizer.apply_chat_template(
        conversation, add_generation_prompt=conversation[-1]["role"] != "assistant", return_dict=False
    )
    return {"input_ids": ids, "labels": ids}


def task_dependent(tokenizer, example, task):
    ids = tokenizer.apply_chat_template(example["messages"], add_generation_prompt=task == "generation", return_dict=False)
    return {"input_ids": ids, "labels": ids}


def not_training(tokenizer, example, is_train):
    ids = tokenizer.apply_chat_template(example["messages"], add_generation_prompt=not is_train, return_dict=False)
    return {"input_ids": ids, "labels": ids}


def flag_off(tokenizer, example):
    ids = tokenizer.apply_chat_template(example["messages"], add_generation_prompt=False, return_dict=False)
    return {"input_ids": ids, "labels": ids}


def flag_absent(tokenizer, example):
    ids = tokenizer.apply_chat_template(example["messages"], tokenize=True, return_dict=False)
    return {"input_ids": ids, "labels": ids}


def continue_reply(tokenizer, example):
    # continuing a partial final message: CL006 territory, never CL001
    ids = tokenizer.apply_chat_template(example["messages"], continue_final_message=False, return_dict=False)
    return {"input_ids": ids, "labels": ids}


class FlagFromCaller:
    def __init__(self, tokenizer, add_generation_prompt):
        self.tokenizer = tokenizer
        self.add_generation_prompt = add_generation_prompt

    def __call__(self, examples):
        ids = [
            self.tokenizer.apply_chat_template(example["messages"], add_generation_prompt=self.add_generation_prompt)
            for example in examples
        ]
        return {"input_ids": ids, "labels": ids}


def prompt_length_only(tokenizer, example):
    conversation = example["messages"]
    full = tokenizer.apply_chat_template(conversation, return_dict=False)
    prompt_length = len(tokenizer.apply_chat_template(conversation[:-1], add_generation_prompt=True, return_dict=False))
    return {"input_ids": full, "labels": [-100] * prompt_length + full[prompt_length:]}
