# A generator method of an instance of the imported class, built here: its items are rendered texts.
from prompts import PromptBuilder


def encode_all(tokenizer, rows):
    builder = PromptBuilder(tokenizer)
    prompts = list(builder.iter_prompts(rows))
    return tokenizer(prompts, padding=True)  # expect: CL002 "yielded by `PromptBuilder.iter_prompts`"


def encode_all_without_specials(tokenizer, rows):
    builder = PromptBuilder(tokenizer)
    return tokenizer(list(builder.iter_prompts(rows)), add_special_tokens=False, padding=True)
