from vllm import LLM, SamplingParams, TokensPrompt


class Engine:
    def __init__(self, model):
        self.llm = LLM(model=model)

    def sample(self, prompts, max_tokens=256):
        return self.llm.generate(list(prompts), SamplingParams(max_tokens=max_tokens))

    def sample_ids(self, prompt_ids, max_tokens=256):
        prompts = [TokensPrompt(prompt_token_ids=ids) for ids in prompt_ids]
        return self.llm.generate(prompts, SamplingParams(max_tokens=max_tokens))
