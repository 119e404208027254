# One function tokenizes (its `.map()` function builds the labels), trains with the collator that masks by value and
# then samples from the model: it trains, so its pad = EOS is reported. Quiet: a function that only generates, whose
# tokenizer pads with EOS for batched generation and builds no labels.
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer

from collate import ChatCollator


def train_then_sample(dataset, prompt):
    tokenizer = AutoTokenizer.from_pretrained("my-org/chat-model")
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`ChatCollator` (collate.py:12) masks labels by value"
    model = AutoModelForCausalLM.from_pretrained("my-org/chat-model")

    def tokenize_function(examples):
        encoded = tokenizer(examples["text"], truncation=True)
        encoded["labels"] = [list(ids) for ids in encoded["input_ids"]]
        return encoded

    train_set = dataset.map(tokenize_function, batched=True)
    Trainer(model=model, train_dataset=train_set, data_collator=ChatCollator(tokenizer)).train()
    inputs = tokenizer([prompt], return_tensors="pt", padding=True)
    return model.generate(**inputs, max_new_tokens=32)


def sample(prompts):
    tokenizer = AutoTokenizer.from_pretrained("my-org/chat-model")
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained("my-org/chat-model")
    inputs = tokenizer(prompts, return_tensors="pt", padding=True)
    return model.generate(**inputs, max_new_tokens=32)
