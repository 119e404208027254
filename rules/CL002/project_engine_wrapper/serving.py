# A class that loads the checkpoint it is given with vLLM and hands prompts to its `generate`, which tokenizes text
# prompts with special tokens on. This module renders nothing and names no checkpoint: its callers do.
from vllm import LLM, SamplingParams


class ChatEngine:
    def __init__(self, model_path, max_tokens=256):
        self.llm = LLM(model=model_path)
        self.sampling = SamplingParams(max_tokens=max_tokens, temperature=0.0)

    def tokenizer(self):
        return self.llm.get_tokenizer()

    def complete(self, prompts):
        outputs = self.llm.generate(prompts, self.sampling)
        return [output.outputs[0].text for output in outputs]
