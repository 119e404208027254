from transformers import AutoModelForCausalLM, AutoTokenizer

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


def load_model_and_tokenizer(name=CHECKPOINT):
    tokenizer = AutoTokenizer.from_pretrained(name)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(name)
    model.config.pad_token_id = tokenizer.pad_token_id
    return model, tokenizer


def load_with_pad_tokenizer(name=CHECKPOINT):
    tokenizer = AutoTokenizer.from_pretrained(name)
    tokenizer.pad_token = "<|finetune_right_pad_id|>"
    return AutoModelForCausalLM.from_pretrained(name), tokenizer
