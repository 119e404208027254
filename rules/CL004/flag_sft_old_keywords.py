# No trl version declared, but the trainer is built with keywords only old releases take (`tokenizer=` before 0.16,
# `dataset_text_field=` and `max_seq_length=` before 0.13): those pad with transformers'
# `DataCollatorForLanguageModeling`, which masks every label equal to the pad id: the end-of-turn EOS each rendered
# chat holds, and the EOS packing puts between texts.
from transformers import AutoModelForCausalLM, AutoTokenizer, TrainingArguments
from trl import SFTTrainer


def to_ids(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return tokenizer(text, add_special_tokens=False)


def main(dataset):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    dataset = dataset.map(to_ids, fn_kwargs={"tokenizer": tokenizer}, remove_columns=["messages"])
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "its keyword `tokenizer=`, which trl takes only before 0.16"
    model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
    trainer = SFTTrainer(
        model=model, tokenizer=tokenizer, train_dataset=dataset, args=TrainingArguments("out", remove_unused_columns=False)
    )
    trainer.train()


def packed(dataset):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "its keyword `dataset_text_field=`, which trl takes only before 0.13"
    options = dict(model="meta-llama/Llama-3.1-8B", train_dataset=dataset, dataset_text_field="body", packing=True)
    SFTTrainer(**options).train()
