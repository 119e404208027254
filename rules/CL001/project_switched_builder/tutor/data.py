# Training examples render the builders with the reply switched on: with the generation prompt, an empty assistant
# header follows every reply and is trained on. Prompts (the switch off) are rendered for generation.
from .messages import build_messages, record_turns


class TutorDataset:
    def __init__(self, records, tokenizer):
        self.records = records
        self.tokenizer = tokenizer

    def __getitem__(self, index):
        record = self.records[index]
        messages = build_messages(record["problem"], record["solution"])
        ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)  # expect: CL001 "(tutor/messages.py:7), which returns"
        return {"input_ids": ids, "labels": list(ids)}

    def turns_example(self, index):
        turns = record_turns(self.records[index])
        ids = self.tokenizer.apply_chat_template(turns, add_generation_prompt=True, return_dict=False)  # expect: CL001 "(tutor/messages.py:14), which returns"
        return {"input_ids": ids, "labels": list(ids)}


def generation_prompts(records, tokenizer):
    prompts = []
    for record in records:
        messages = build_messages(record["problem"])
        prompts.append(tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False))
        turns = record_turns(record, with_reply=False)
        prompts.append(tokenizer.apply_chat_template(turns, add_generation_prompt=True, tokenize=False))
        explicit = build_messages(record["problem"], solution=None)
        prompts.append(tokenizer.apply_chat_template(explicit, add_generation_prompt=True, tokenize=False))
    return prompts
