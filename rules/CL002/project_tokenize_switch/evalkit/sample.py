# The same helper asked for text, tokenized without special tokens; and asked for ids, used as ids: both fine.
from transformers import AutoTokenizer

from evalkit.prompts import get_chat_prompt


def sample(model_name, question, model):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    prompt = get_chat_prompt(tokenizer, question, system="Be brief.", is_tokenize=False)
    batch = tokenizer(prompt, add_special_tokens=False, return_tensors="pt")
    return model.generate(**batch, max_new_tokens=64)


def sample_ids(model_name, question, model):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    encoded = get_chat_prompt(tokenizer, question)
    return model.generate(**encoded, max_new_tokens=64)
