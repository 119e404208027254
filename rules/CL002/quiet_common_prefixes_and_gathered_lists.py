# The common start of a render and a plain text (it need not start with the BOS), a common start tokenized without
# special tokens, and a gathered list of plain texts.
from itertools import takewhile

from accelerate.utils import gather_object
from vllm import LLM


def shared_start(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)
    return "".join(x for x, _ in takewhile(lambda pair: pair[0] == pair[1], zip(prompt, example["reference"])))


def encode_shared(example, tokenizer):
    return tokenizer(shared_start(example, tokenizer))["input_ids"]


def prompt_of(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["prompt"] + example["completion"], tokenize=False)
    return "".join(x for x, _ in takewhile(lambda pair: pair[0] == pair[1], zip(prompt, full)))


def encode_prompt(example, tokenizer):
    return tokenizer(prompt_of(example, tokenizer), add_special_tokens=False)["input_ids"]


class Sampler:
    def __init__(self, model_name):
        self.llm = LLM(model=model_name)

    def sample(self, rows, params):
        texts = [row["text"] for row in rows]
        return self.llm.generate(gather_object(texts), params)
