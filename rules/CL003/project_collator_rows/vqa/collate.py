# Collators that train on the answer only: the prompt's tokens are masked in each row of the batch.
import torch

IGNORE_INDEX = -100


class AnswerOnlyCollator:
    prompt_column = "prompt"

    def __init__(self, processor):
        self.processor = processor

    def _token_count(self, prompt, image):
        encoded = self.processor(text=prompt, images=image, add_special_tokens=False, return_tensors="pt")
        return encoded["input_ids"].shape[1]

    def __call__(self, rows):
        images = [row["image"] for row in rows]
        batch = self.processor(
            text=[row["text"] for row in rows], images=images, padding=True, add_special_tokens=False, return_tensors="pt"
        )
        labels = batch["input_ids"].clone()
        labels[batch["attention_mask"] == 0] = IGNORE_INDEX
        for i, row in enumerate(rows):
            n_prompt = self._token_count(row["prompt"], images[i])
            labels[i, :n_prompt] = IGNORE_INDEX  # expect: CL003 "column `prompt` holds `messages[:-1]`"
        batch["labels"] = labels
        return batch


class HeaderAwareCollator(AnswerOnlyCollator):
    def __call__(self, rows):
        images = [row["image"] for row in rows]
        batch = self.processor(
            text=[row["text"] for row in rows], images=images, padding=True, add_special_tokens=False, return_tensors="pt"
        )
        labels = batch["input_ids"].clone()
        for i, row in enumerate(rows):
            n_prompt = len(self.processor.tokenizer(row["prompt_with_header"], add_special_tokens=False)["input_ids"])
            labels[i, :n_prompt] = IGNORE_INDEX
        batch["labels"] = torch.as_tensor(labels)
        return batch
