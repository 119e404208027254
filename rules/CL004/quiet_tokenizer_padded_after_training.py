# The collator masks labels equal to the pad id, but the tokenizer it pads with keeps its own pad token; the one set
# to pad with EOS is loaded after training, to serve the merged model, and is another object.
from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForLanguageModeling, Trainer, TrainingArguments


def main(dataset, serve=False):
    tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
    model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
    collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()
    model.save_pretrained("out/final")
    if serve:
        tok = AutoTokenizer.from_pretrained("out/final")
        tok.pad_token = tok.eos_token
        tok.padding_side = "left"
        return model, tok
    return model, tokenizer
