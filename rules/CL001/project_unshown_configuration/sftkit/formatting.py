"""Turns a conversation into training ids."""


class ChatFormatter:
    def __init__(self, tokenizer, cfg):
        self.tokenizer = tokenizer
        self.cfg = cfg

    def __call__(self, example):
        input_ids = self.tokenizer.apply_chat_template(  # expect: CL001 "every class of the run that declares the field"
            example["messages"],
            tokenize=True,
            return_dict=False,
            add_generation_prompt=self.cfg.add_generation_prompt,
            truncation=True,
            max_length=self.cfg.max_length,
        )
        return {"input_ids": input_ids, "labels": list(input_ids)}
