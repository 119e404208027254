# The twins: the items of the list (and the values of the dict) are read by key or are lists of ids
# (`return_dict=False`), and a render joined with a text is a text (`tokenize=False`), as is one joined with a name
# that does not say ids.
from transformers import AutoTokenizer
from vllm import LLM
from vllm.inputs import TokensPrompt

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def generate_all(llm: LLM, rows):
    encoded = [tokenizer.apply_chat_template(row["messages"], add_generation_prompt=True) for row in rows]
    prompts = [TokensPrompt(prompt_token_ids=enc["input_ids"]) for enc in encoded]
    listed = [tokenizer.apply_chat_template(row["messages"], return_dict=False) for row in rows]
    return llm.generate(prompts + [TokensPrompt(prompt_token_ids=ids) for ids in listed])


def _join(prompt, completion):
    return prompt + completion


def build_text(example):
    prompt = tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)
    return _join(prompt, example["chosen"])


def count(example, suffix):
    rendered = tokenizer.apply_chat_template(example["prompt"], add_generation_prompt=True)
    return rendered + suffix


def encode_pair(example, max_length=2048):
    sides = {
        "chosen": tokenizer.apply_chat_template(example["chosen"]),
        "rejected": tokenizer.apply_chat_template(example["rejected"]),
    }
    out = {}
    for name, encoded in sides.items():
        out[f"input_ids_{name}"] = encoded["input_ids"][-max_length:]
    return out


def encode_listed(example, max_length=2048):
    sides = {"chosen": tokenizer.apply_chat_template(example["chosen"], return_dict=False)}
    return {name: ids[-max_length:] for name, ids in sides.items()}


def side_names(example):
    sides = {"chosen": tokenizer.apply_chat_template(example["chosen"])}
    return [name[:3] for name in sides]
