# A tokenizer padded with EOS for batched generation in its own function is not the tokenizer another function
# masks labels with.
from transformers import AutoTokenizer


def sample_answers(model, prompts):
    generation_tokenizer = AutoTokenizer.from_pretrained("gpt2")
    generation_tokenizer.pad_token = generation_tokenizer.eos_token
    batch = generation_tokenizer(prompts, return_tensors="pt", padding=True)
    return model.generate(**batch)


def collate(batch, tokenizer):
    encoded = tokenizer(batch, padding=True, return_tensors="pt")
    labels = encoded["input_ids"].clone()
    labels[labels == tokenizer.pad_token_id] = -100
    encoded["labels"] = labels
    return encoded
