# A render tokenized again only to report how many tokens the prompt had (a usage statistic, one too many with a
# second BOS): nothing is trained or generated on those ids.
from dataclasses import dataclass


@dataclass
class Usage:
    prompt_tokens: int
    completion_tokens: int


def respond(tokenizer, generate, messages):
    formatted_prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    output = generate(formatted_prompt)
    return {
        "content": output,
        "usage": {
            "prompt_tokens": len(tokenizer.encode(formatted_prompt)) if tokenizer else 0,
            "total_tokens": len(tokenizer.encode(formatted_prompt)) + len(tokenizer.encode(output)),
        },
        "usage_record": Usage(prompt_tokens=len(tokenizer(formatted_prompt)["input_ids"]), completion_tokens=0),
    }
