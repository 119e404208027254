# The twins of flag_closures.py: the generator reads the ids of a render that asked for a list, or the function
# rebinds the name to the `input_ids` of the mapping before the generator is defined.
import torch


def stream_reply(model, tokenizer, messages, max_new_tokens=128):
    prompt_ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)

    def tokens():
        input_ids = torch.tensor([prompt_ids])
        for _ in range(max_new_tokens):
            yield model(input_ids).logits[0, -1].argmax().item()

    return tokens()


def stream_mapping(model, tokenizer, messages):
    prompt_ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    prompt_ids = prompt_ids["input_ids"]

    def tokens():
        yield from model.generate(torch.tensor([prompt_ids]))

    return tokens()


class AgentLoop:
    def __init__(self, tokenizer, server, loop):
        self.tokenizer = tokenizer
        self.server = server
        self.loop = loop

    async def run(self, messages):
        # the executor runs a render that asks for the list of ids
        prompt_ids = await self.loop.run_in_executor(
            None,
            lambda: self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False),
        )
        response_ids = await self.server.generate(prompt_ids=prompt_ids)
        return prompt_ids + response_ids


class PromptBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode_prompt(self, question):
        return self.tokenizer.apply_chat_template(
            [{"role": "user", "content": question}], add_generation_prompt=True, return_dict=False
        )


def make_feature_fn(builder: PromptBuilder, max_prompt_tokens):
    def to_features(example):
        prompt_ids = builder.encode_prompt(example["question"])
        if len(prompt_ids) > max_prompt_tokens:
            return {"input_ids": []}
        return {"input_ids": prompt_ids}

    return to_features
