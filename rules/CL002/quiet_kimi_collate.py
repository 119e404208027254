# A collate function written for Kimi-VL (its name says so; the registry maps Kimi's processor to it): the Moonlight
# template Kimi models use writes no BOS, so the processor's special tokens add one BOS, not two.
def kimi_vl_collate_fn(examples, processor):
    conversations = [example["conversation"] for example in examples]
    texts = [processor.apply_chat_template(conversation, tokenize=False) for conversation in conversations]
    images = [example["image"] for example in examples]
    batch = processor(text=texts, images=images, return_tensors="pt", padding=True)
    labels = batch["input_ids"].clone()
    labels[batch["attention_mask"] == 0] = -100
    batch["labels"] = labels
    return batch


COLLATE_FNS = {"KimiVLProcessor": kimi_vl_collate_fn}
