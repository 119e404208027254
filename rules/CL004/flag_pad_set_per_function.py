# Two training functions, each loading and padding a tokenizer of its own: the language model's collator masks labels
# by value (reported at its function's assignment); the classifier's tokenizer is another object, never masked.
from transformers import (
    AutoModelForCausalLM,
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorForLanguageModeling,
    Trainer,
    TrainingArguments,
)


def train_language_model(name, dataset):
    tokenizer = AutoTokenizer.from_pretrained(name)
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`DataCollatorForLanguageModeling`"
    model = AutoModelForCausalLM.from_pretrained(name)
    collator = DataCollatorForLanguageModeling(tokenizer, mlm=False)
    Trainer(model=model, args=TrainingArguments("lm"), train_dataset=dataset, data_collator=collator).train()


def train_classifier(name, dataset, num_labels):
    tokenizer = AutoTokenizer.from_pretrained(name)
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForSequenceClassification.from_pretrained(name, num_labels=num_labels)
    encoded = dataset.map(lambda rows: tokenizer(rows["text"], padding="max_length", truncation=True), batched=True)
    Trainer(model=model, args=TrainingArguments("clf"), train_dataset=encoded).train()


def train_then_sample(name, dataset, prompts):
    # one function trains and then samples: the tokenizer its nested `.map()` function masks with is the one it pads
    tokenizer = AutoTokenizer.from_pretrained(name)
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "masks labels by value"
    model = AutoModelForCausalLM.from_pretrained(name)

    def tokenize_function(rows):
        encoded = tokenizer(rows["text"], padding="max_length", max_length=256, return_tensors="pt")
        labels = encoded["input_ids"].clone()
        labels[encoded["input_ids"] == tokenizer.pad_token_id] = -100
        encoded["labels"] = labels
        return encoded

    Trainer(model=model, args=TrainingArguments("lm"), train_dataset=dataset.map(tokenize_function, batched=True)).train()
    return model.generate(**tokenizer(prompts, return_tensors="pt", padding=True))
