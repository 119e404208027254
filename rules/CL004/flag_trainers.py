# A trainer that falls back to EOS for padding and then masks padding by value (as trl's SFTTrainer once did).
from transformers import AutoTokenizer, DataCollatorForLanguageModeling, Trainer


class SimpleSFTTrainer(Trainer):
    def __init__(self, model, args=None, tokenizer=None, train_dataset=None, data_collator=None):
        if tokenizer is None:
            tokenizer = AutoTokenizer.from_pretrained(model.config._name_or_path)
            if getattr(tokenizer, "pad_token", None) is None:
                tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`tokenizer.pad_token = tokenizer.eos_token` makes padding the EOS token, and line 12"
        if data_collator is None:
            data_collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)
        super().__init__(model=model, args=args, train_dataset=train_dataset, data_collator=data_collator)


def load_tokenizer(name):
    # the pad token given when the tokenizer is loaded
    base = AutoTokenizer.from_pretrained(name)
    return AutoTokenizer.from_pretrained(name, pad_token=base.eos_token)  # expect: CL004 "`pad_token=base.eos_token` makes padding the EOS token, and line 36"


def add_pad(tokenizer):
    tokenizer.add_special_tokens({"pad_token": tokenizer.eos_token})  # expect: CL004 '`tokenizer.add_special_tokens({"pad_token": tokenizer.eos_token})` makes padding the EOS token'


def pad_or_eos(tokenizer):
    tokenizer.pad_token = tokenizer.pad_token or tokenizer.eos_token  # expect: CL004 "`tokenizer.pad_token = tokenizer.pad_token or tokenizer.eos_token` makes padding the EOS token"


IGNORE_INDEX = -100


def preprocess(examples, tokenizer, max_length=1024):
    model_inputs = tokenizer(examples["text"], max_length=max_length, padding="max_length", truncation=True)
    model_inputs["labels"] = [
        [(token if token != tokenizer.pad_token_id else IGNORE_INDEX) for token in ids]
        for ids in model_inputs["input_ids"]
    ]
    return model_inputs
