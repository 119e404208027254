# A vLLM backend hands the texts its inherited `prepare` renders to `LLM.generate`, which tokenizes them with special
# tokens again: a second BOS for templates that write one.
from vllm import LLM, SamplingParams

from .base import InferenceModel


class VLLMBatchModel(InferenceModel):
    def __init__(self, tokenizer, model_name):
        super().__init__(tokenizer)
        self.llm = LLM(model=model_name)

    def generate_batch(self, conversations, max_tokens=256):
        prompts = self.prepare(conversations)
        outputs = self.llm.generate(prompts, SamplingParams(max_tokens=max_tokens))  # expect: CL002 "returned by `InferenceModel.prepare`"
        return [output.outputs[0].text for output in outputs]
