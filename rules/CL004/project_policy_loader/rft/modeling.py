from transformers import AutoModelForCausalLM, AutoTokenizer

BASE_MODEL = "meta-llama/Llama-3.1-8B-Instruct"


def load_policy(name_or_path=BASE_MODEL):
    tokenizer = AutoTokenizer.from_pretrained(name_or_path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(name_or_path)
    model.config.pad_token_id = tokenizer.pad_token_id
    return model, tokenizer


def load_padded_policy(name_or_path=BASE_MODEL):
    tokenizer = AutoTokenizer.from_pretrained(name_or_path)
    tokenizer.add_special_tokens({"pad_token": "<|finetune_right_pad_id|>"})
    model = AutoModelForCausalLM.from_pretrained(name_or_path)
    return model, tokenizer
