# The dataset renders what the imported builders return: the whole conversation with the generation prompt is
# trained on (an empty assistant header after every reply); the prompt with it is an inference input.
from .convo import build_conversation, build_prompt


class ChatDataset:
    def __init__(self, records, tokenizer):
        self.records = records
        self.tokenizer = tokenizer

    def __getitem__(self, index):
        conversation = build_conversation(self.records[index])
        ids = self.tokenizer.apply_chat_template(conversation, add_generation_prompt=True, return_dict=False)  # expect: CL001 "(chatdata/convo.py:4), which returns"
        return {"input_ids": ids, "labels": list(ids)}


class PromptDataset:
    def __init__(self, records, tokenizer):
        self.records = records
        self.tokenizer = tokenizer

    def __getitem__(self, index):
        prompt = build_prompt(self.records[index])
        return self.tokenizer.apply_chat_template(prompt, add_generation_prompt=True, return_dict=False)
