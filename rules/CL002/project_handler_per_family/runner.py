# The offline runner: what a handler formats goes to vLLM as text, which adds the model's BOS.
from vllm import LLM, SamplingParams

from handlers.served import LlamaServedHandler, RawServedHandler


class Runner:
    def __init__(self, handler: LlamaServedHandler):
        self.handler = handler
        self.llm = LLM(model=handler.model_id)

    def run(self, conversations):
        prompts = [self.handler.format_prompt(conversation) for conversation in conversations]
        return self.llm.generate(prompts, SamplingParams(max_tokens=256))


class RawRunner:
    def __init__(self, handler: RawServedHandler):
        self.handler = handler
        self.llm = LLM(model=handler.model_id)

    def run(self, conversations):
        prompts = [self.handler.format_prompt(conversation) for conversation in conversations]
        return self.llm.generate(prompts, SamplingParams(max_tokens=256))  # expect: CL002 "the wrapper `RawServedHandler.format_prompt`"
