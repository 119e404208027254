from transformers import AutoModelForCausalLM

from .collators import PaddedCollator
from .tokenizers import load_tokenizer

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


def sample(prompts):
    # padded with EOS to generate, no labels built here
    tokenizer = load_tokenizer(CHECKPOINT)
    model = AutoModelForCausalLM.from_pretrained(CHECKPOINT)
    batch = PaddedCollator(tokenizer)([{"text": prompt} for prompt in prompts])
    return model.generate(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])
