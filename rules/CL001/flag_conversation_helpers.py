# The conversation comes from a helper of the module: what it returns decides the shape (a list that ends with the
# reply appended, or one the helper asserts ends with an assistant turn).


def build_conversation(record):
    messages = [{"role": "user", "content": record["instruction"]}]
    messages.append({"role": "assistant", "content": record["output"]})
    return messages


def build_messages(example):
    messages = [{"role": "system", "content": "You are a support agent."}]
    for turn in example["turns"]:
        role = "assistant" if turn["speaker"] == "agent" else "user"
        messages.append({"role": role, "content": turn["text"]})
    assert messages[-1]["role"] == "assistant", "training rows end with the agent's reply"
    return messages


def to_text(example, tokenizer):
    conversation = build_messages(example)
    return {"text": tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)}  # expect: CL001 "asserted"


class ChatDataset:
    def __init__(self, records, tokenizer):
        self.records = records
        self.tokenizer = tokenizer

    def __getitem__(self, index):
        conversation = build_conversation(self.records[index])
        ids = self.tokenizer.apply_chat_template(conversation, add_generation_prompt=True, return_dict=False)  # expect: CL001 "which returns"
        return {"input_ids": ids, "labels": list(ids)}


def prepare(dataset, tokenizer):
    return dataset.map(to_text, fn_kwargs={"tokenizer": tokenizer})


def grade_turns(question, feedback=None):
    # filled message by message; the feedback (the reply) only when the caller passes one
    turns = []
    turns.append({"role": "user", "content": question})
    if feedback is not None:
        turns.append({"role": "assistant", "content": feedback})
    return turns


def graded_example(row, tokenizer):
    turns = grade_turns(row["question"], row["feedback"])
    ids = tokenizer.apply_chat_template(turns, add_generation_prompt=True, return_dict=False)  # expect: CL001 "which returns `turns` after"
    return {"input_ids": ids, "labels": list(ids)}
