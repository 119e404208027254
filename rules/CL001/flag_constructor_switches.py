# A collator keeps the generation-prompt switch it is built with (off by default); the training code of the module
# builds it with the switch on (positionally, and by keyword for a dataclass collator), so every full conversation
# it renders ends with an empty assistant header that is trained on.
from dataclasses import dataclass

from transformers import Trainer


class VisionChatCollator:
    def __init__(self, processor, max_length=2048, append_assistant_header=False):
        self.processor = processor
        self.max_length = max_length
        self.append_assistant_header = append_assistant_header

    def __call__(self, examples):
        texts = [
            self.processor.apply_chat_template(ex["messages"], tokenize=False, add_generation_prompt=self.append_assistant_header)
            for ex in examples
        ]
        batch = self.processor(text=texts, images=[ex["images"] for ex in examples], padding=True, return_tensors="pt", add_special_tokens=False)
        labels = batch["input_ids"].clone()
        labels[batch["attention_mask"] == 0] = -100
        batch["labels"] = labels
        return batch


@dataclass
class TextCollator:
    tokenizer: object
    with_header: bool = False

    def __call__(self, rows):
        ids = [self.tokenizer.apply_chat_template(row["messages"], add_generation_prompt=self.with_header, return_dict=False) for row in rows]
        return {"input_ids": ids, "labels": [list(row) for row in ids]}


def train(model, processor, dataset, args):
    collator = VisionChatCollator(processor, 1024, True)  # expect: CL001 "(set by `True` passed for `append_assistant_header` by `VisionChatCollator(...)`"
    Trainer(model=model, args=args, train_dataset=dataset, data_collator=collator).train()


def train_text(model, tokenizer, dataset, args):
    collator = TextCollator(tokenizer, with_header=True)  # expect: CL001 "passed for `with_header` by `TextCollator(...)`"
    Trainer(model=model, args=args, train_dataset=dataset, data_collator=collator).train()
