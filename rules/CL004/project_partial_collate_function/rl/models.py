from transformers import AutoModelForCausalLM, AutoTokenizer


def load_tokenizer(name):
    tokenizer = AutoTokenizer.from_pretrained(name)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def load_models(name):
    tokenizer = load_tokenizer(name)
    policy = AutoModelForCausalLM.from_pretrained(name)
    reference = AutoModelForCausalLM.from_pretrained(name).eval()
    return policy, reference, tokenizer
