# The twin of quiet_sft_old_keywords_text_without_eos.py where the tokenizer is told to append EOS to every text it
# encodes (`add_eos_token = True`): each example ends with an EOS target, and the old trl's collator masks it with
# the padding. A tokenizer loaded afterwards to push the merged model is another object, and says nothing of the mask.
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import SFTTrainer


def formatting_func(example):
    return f"### Instruction:\n{example['instruction']}\n\n### Response:\n{example['output']}"


def main(dataset, push_name=None):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-2-7b-hf")
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "its keyword `tokenizer=`, which trl takes only before 0.16"
    tokenizer.add_eos_token = True
    texts = dataset.map(lambda row: {"text": formatting_func(row)})
    trainer = SFTTrainer(model="m", tokenizer=tokenizer, train_dataset=texts, dataset_text_field="text", packing=False)
    trainer.train()
    trainer.model.save_pretrained("adapter")
    if push_name:
        merged = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf"), "adapter")
        tok = AutoTokenizer.from_pretrained("meta-llama/Llama-2-7b-hf")
        tok.pad_token = tok.eos_token
        merged.merge_and_unload().push_to_hub(push_name)
        tok.push_to_hub(push_name)
