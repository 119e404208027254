# The same pad = EOS with the factory whose collator masks padding by position: quiet.
from transformers import AutoModelForCausalLM, AutoTokenizer

from factory import build_position_trainer


def main(dataset):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    build_position_trainer(model, tokenizer, dataset).train()
