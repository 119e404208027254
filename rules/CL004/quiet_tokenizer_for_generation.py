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


def sample_with_a_helper(model, prompts):
    # the nested function only reads the generated ids: no labels
    generation_tokenizer = AutoTokenizer.from_pretrained("gpt2")
    generation_tokenizer.pad_token = generation_tokenizer.eos_token

    def decode(ids):
        return generation_tokenizer.decode(ids[ids != generation_tokenizer.pad_token_id])

    batch = generation_tokenizer(prompts, return_tensors="pt", padding=True)
    return [decode(row) for row in model.generate(**batch)]
