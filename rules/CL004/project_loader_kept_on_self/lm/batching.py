# A collator given the pad id alone: it pads with it and masks every label equal to it.
import torch


class RightPadCollator:
    def __init__(self, pad_id, ignore_index=-100):
        self.pad_id = pad_id
        self.ignore_index = ignore_index

    def __call__(self, rows):
        width = max(len(row["input_ids"]) for row in rows)
        ids = torch.full((len(rows), width), self.pad_id)
        for i, row in enumerate(rows):
            ids[i, : len(row["input_ids"])] = torch.tensor(row["input_ids"])
        labels = ids.clone()
        labels[labels == self.pad_id] = self.ignore_index
        return {"input_ids": ids, "attention_mask": (labels != self.ignore_index).long(), "labels": labels}
