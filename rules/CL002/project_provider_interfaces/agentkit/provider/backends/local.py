"""Endpoints that run the model in this process."""

import asyncio

from transformers import AutoModelForCausalLM, AutoTokenizer

from agentkit.provider.interfaces import AsyncCompletionEndpoint, CompletionEndpoint, TokenEndpoint


class LocalEndpoint(CompletionEndpoint):
    def __init__(self, checkpoint: str):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.model = AutoModelForCausalLM.from_pretrained(checkpoint)

    def complete(self, prompt, settings):
        inputs = self.tokenizer(prompt, return_tensors="pt")
        output = self.model.generate(**inputs, **settings)
        return self.tokenizer.decode(output[0][inputs["input_ids"].shape[1] :], skip_special_tokens=True)


class AsyncLocalEndpoint(AsyncCompletionEndpoint):
    def __init__(self, checkpoint: str):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.model = AutoModelForCausalLM.from_pretrained(checkpoint)

    async def complete(self, prompt, settings):
        def run():
            inputs = self.tokenizer(prompt, return_tensors="pt")
            output = self.model.generate(**inputs, **settings)
            return self.tokenizer.decode(output[0][inputs["input_ids"].shape[1] :], skip_special_tokens=True)

        return await asyncio.get_running_loop().run_in_executor(None, run)


class LocalTokenEndpoint(TokenEndpoint):
    def __init__(self, checkpoint: str):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)

    def complete_ids(self, prompt):
        return self.tokenizer(prompt, add_special_tokens=False)["input_ids"]
