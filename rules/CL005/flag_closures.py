# Ids a function renders and a generator defined in it reads (a streaming endpoint): used as a list there, a
# `BatchEncoding` from transformers 5 breaks it the same.
import torch


def stream_reply(model, tokenizer, messages, max_new_tokens=128):
    prompt_ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "`torch.tensor([prompt_ids])`"

    def tokens():
        input_ids = torch.tensor([prompt_ids])
        for _ in range(max_new_tokens):
            next_id = model(input_ids).logits[0, -1].argmax()
            input_ids = torch.cat([input_ids, next_id.view(1, 1)], dim=1)
            yield next_id.item()

    return tokens()


def first_tokens(tokenizer, messages):
    prompt_ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "`prompt_ids[:8]`"

    def head():
        yield prompt_ids[:8]

    return head()


class AgentLoop:
    def __init__(self, tokenizer, server, loop):
        self.tokenizer = tokenizer
        self.server = server
        self.loop = loop

    async def run(self, messages):
        # rendered on a worker thread: what the executor's call gives, once awaited, is the render's result
        prompt_ids = await self.loop.run_in_executor(
            None, lambda: self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=True)  # expect: CL005 "`prompt_ids + response_ids`"
        )
        response_ids = await self.server.generate(prompt_ids=prompt_ids)
        return prompt_ids + response_ids


class PromptBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode_prompt(self, question):
        return self.tokenizer.apply_chat_template([{"role": "user", "content": question}], add_generation_prompt=True)  # expect: CL005 "`len(prompt_ids)`"


def make_feature_fn(builder: PromptBuilder, max_prompt_tokens):
    # the row function a `.map()` applies reads the builder it closes over, a parameter annotated with its class
    def to_features(example):
        prompt_ids = builder.encode_prompt(example["question"])
        if len(prompt_ids) > max_prompt_tokens:
            return {"input_ids": []}
        return {"input_ids": prompt_ids}

    return to_features
