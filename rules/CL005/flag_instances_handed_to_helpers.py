# An instance of the module's class handed to a helper whose parameter is not annotated: every call of the helper
# gives it a `PromptBuilder`, so `builder.encode(...)` is that class's method, whose render returns a
# `BatchEncoding` used as ids.
from vllm import LLM, SamplingParams


class PromptBuilder:
    def __init__(self, tokenizer, system_prompt):
        self.tokenizer = tokenizer
        self.system_prompt = system_prompt

    def encode(self, question):
        messages = [{"role": "system", "content": self.system_prompt}, {"role": "user", "content": question}]
        return self.tokenizer.apply_chat_template(messages, tokenize=True, add_generation_prompt=True)  # expect: CL005 "`{'prompt_token_ids': ...}`"


def make_request(builder, row):
    ids = builder.encode(row["question"])
    return {"prompt_token_ids": ids}


def run(tokenizer, rows, model):
    builder = PromptBuilder(tokenizer, "Answer briefly.")
    requests = [make_request(builder, row) for row in rows]
    return LLM(model=model).generate(requests, SamplingParams(max_tokens=64))
