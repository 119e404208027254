# A list of renders whose items a loop (or a comprehension) uses as ids, a dict of renders whose values a loop uses
# so, and a render joined with ids named as such in a helper of the module: `prompt_ids + completion_ids`.
from transformers import AutoTokenizer
from vllm import LLM
from vllm.inputs import TokensPrompt

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def generate_all(llm: LLM, rows):
    encoded = [tokenizer.apply_chat_template(row["messages"], add_generation_prompt=True) for row in rows]  # expect: CL005 "an item of `encoded`, `ids`: `prompt_token_ids=ids`"
    prompts = [TokensPrompt(prompt_token_ids=ids) for ids in encoded]
    return llm.generate(prompts)


def lengths(rows):
    encoded = [tokenizer.apply_chat_template(row["messages"]) for row in rows]  # expect: CL005 "an item of `encoded`, `ids`: `ids[:4]`"
    heads = []
    for ids in encoded:
        heads.append(ids[:4])
    return heads


def _join(prompt_ids, completion_ids):
    ids = prompt_ids + completion_ids
    return ids, [1] * len(ids)


def build_pair(example):
    prompt_ids = tokenizer.apply_chat_template(example["prompt"], add_generation_prompt=True)  # expect: CL005 "passed to `_join` as `prompt_ids`, which uses it: `prompt_ids + completion_ids`"
    chosen = tokenizer(example["chosen"], add_special_tokens=False)["input_ids"]
    return _join(prompt_ids, chosen)


def encode_pair(example, max_length=2048):
    sides = {
        "chosen": tokenizer.apply_chat_template(example["chosen"]),  # expect: CL005 "a value of `sides`, `ids`: `ids[-max_length:]`"
        "rejected": tokenizer.apply_chat_template(example["rejected"]),  # expect: CL005 "a value of `sides`, `ids`"
    }
    out = {}
    for name, ids in sides.items():
        out[f"input_ids_{name}"] = ids[-max_length:]
    return out


def total_length(example):
    sides = {"chosen": tokenizer.apply_chat_template(example["chosen"])}  # expect: CL005 "a value of `sides`, `ids`: `len(ids)`"
    return sum(len(ids) for ids in sides.values())
