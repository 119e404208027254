from vllm import LLM, SamplingParams, TokensPrompt

from .requests import EvalRequest


class Runner:
    def __init__(self, model):
        self.llm = LLM(model=model)
        self.sampling = SamplingParams(temperature=0.0, max_tokens=512)

    def run(self, requests: list[EvalRequest]):
        prompts = [request.prompt for request in requests]
        outputs = self.llm.generate(prompts, self.sampling)  # expect: CL002 "returned by `EvalRequest.prompt`"
        return {request.uid: out.outputs[0].text for request, out in zip(requests, outputs)}

    def run_ids(self, requests: list[EvalRequest]):
        prompts = [TokensPrompt(prompt_token_ids=request.prompt_ids) for request in requests]
        return self.llm.generate(prompts, self.sampling)
