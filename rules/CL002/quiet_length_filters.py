# Rendered text tokenized again with special tokens only to count its tokens against a bound: a second BOS changes
# a count by one, not what is trained. The model's template writes a BOS, so only the counting keeps these quiet.
from transformers import AutoProcessor

processor = AutoProcessor.from_pretrained("meta-llama/Llama-3.2-11B-Vision-Instruct")


def fits(sample, max_length=8192):
    text = processor.apply_chat_template(sample["messages"], tokenize=False)
    processed = processor(text=[text], images=sample["images"], return_tensors="pt")
    total_tokens = len(processed["input_ids"].squeeze(0))
    return total_tokens <= max_length


def fits_inline(sample, max_length=8192):
    text = processor.apply_chat_template(sample["messages"], tokenize=False)
    return len(processor(text=[text], return_tensors="pt").input_ids[0].tolist()) < max_length


def short_enough_on_device(example, tokenizer, max_len, device):
    # a tensor's own measure of the ids, compared with the bound: `.shape[-1]`, `.size(1)`, `.numel()`
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    ids = tokenizer(text, return_tensors="pt")["input_ids"].to(device)
    return ids.shape[-1] <= max_len and ids.size(1) > 0 and ids.numel() < 4 * max_len
