from dataclasses import dataclass

from transformers import PreTrainedTokenizerBase


@dataclass
class TranscriptCollator:
    tokenizer: PreTrainedTokenizerBase
    max_length: int = 4096

    def __call__(self, features):
        rows = [
            self.tokenizer.apply_chat_template(f["messages"], return_dict=True, truncation=True, max_length=self.max_length)
            for f in features
        ]
        batch = self.tokenizer.pad(rows, padding="longest", return_tensors="pt")
        labels = batch["input_ids"].clone()
        labels[labels == self.tokenizer.pad_token_id] = -100
        batch["labels"] = labels
        return batch
