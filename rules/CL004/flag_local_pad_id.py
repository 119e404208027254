# A local pad id set to EOS and then used to mask labels by value in the same function.
import torch


def collate(batch, tokenizer):
    pad_token_id = tokenizer.eos_token_id  # expect: CL004 "masks labels by value: `input_ids.masked_fill(input_ids == pad_token_id, -100)`"
    input_ids = torch.nn.utils.rnn.pad_sequence(
        [torch.tensor(example["input_ids"]) for example in batch], batch_first=True, padding_value=pad_token_id
    )
    labels = input_ids.masked_fill(input_ids == pad_token_id, -100)
    return {"input_ids": input_ids, "labels": labels, "attention_mask": input_ids != pad_token_id}
