# Pads with EOS, trains through the factory whose collator masks labels by value (every EOS target is masked), then
# samples from the model. Quiet: a function that only samples, whose tokenizer pads with EOS for batched generation.
from transformers import AutoModelForCausalLM, AutoTokenizer

from factory import build_trainer


def main(dataset, prompts):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`build_trainer` (collate.py:11) masks labels by value"
    model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    build_trainer(model, tokenizer, dataset).train()
    inputs = tokenizer(prompts, return_tensors="pt", padding=True)
    return model.generate(**inputs, max_new_tokens=32)


def sample(prompts):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    inputs = tokenizer(prompts, return_tensors="pt", padding=True)
    return model.generate(**inputs, max_new_tokens=32)
