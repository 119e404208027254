from vllm import LLM, SamplingParams

from .pointwise import PointwiseReranker


class VLLMPointwiseReranker(PointwiseReranker):
    def __init__(self, model):
        self._llm = LLM(model=model)
        self._tokenizer = self._llm.get_tokenizer()

    def create_prompt(self, result, start, end):
        messages = [{"role": "user", "content": " ".join(result["passages"][start:end])}]
        ids = self._tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        return ids, len(ids)

    def create_prompt_batched(self, results, start, end):
        return [self.create_prompt(result, start, end) for result in results]

    def run_llm(self, prompt):
        output = self._llm.generate({"prompt_token_ids": prompt}, SamplingParams(max_tokens=64))[0]
        return output.outputs[0].text, len(output.outputs[0].token_ids)

    def run_llm_batched(self, prompts):
        requests = [{"prompt_token_ids": ids} for ids in prompts]
        return [output.outputs[0].text for output in self._llm.generate(requests, SamplingParams(max_tokens=64))]
