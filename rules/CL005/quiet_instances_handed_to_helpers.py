# Instances handed to helpers whose parameters are not annotated: the class every caller builds decides which
# `encode` runs. One takes the ids out of the encoding; the other's encoding is read by key.
from vllm import LLM, SamplingParams


class PromptBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, question):
        return self.tokenizer.apply_chat_template([{"role": "user", "content": question}], add_generation_prompt=True)


class IdsBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, question):
        messages = [{"role": "user", "content": question}]
        return self.tokenizer.apply_chat_template(messages, add_generation_prompt=True)["input_ids"]


def make_request(builder, row):
    return {"prompt_token_ids": builder.encode(row["question"])}


def prompt_length(builder, row):
    return len(builder.encode(row["question"])["input_ids"])


def run(tokenizer, rows, model):
    ids_builder = IdsBuilder(tokenizer)
    requests = [make_request(ids_builder, row) for row in rows]
    longest = max(prompt_length(PromptBuilder(tokenizer), row) for row in rows)
    return LLM(model=model).generate(requests, SamplingParams(max_tokens=4096 - longest))
