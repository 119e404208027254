from concurrent.futures import ThreadPoolExecutor

from vllm import LLM, SamplingParams

from .listwise import ListwiseReranker


class VLLMReranker(ListwiseReranker):
    def __init__(self, model):
        self._llm = LLM(model=model)
        self._tokenizer = self._llm.get_tokenizer()

    def create_prompt(self, result, start, end):
        messages = [{"role": "user", "content": " ".join(result["passages"][start:end])}]
        prompt = self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return prompt, len(prompt)

    def create_prompt_batched(self, results, start, end):
        prompts = []
        with ThreadPoolExecutor() as executor:
            prompts.extend(executor.map(lambda result: self.create_prompt(result, start, end), results))
        return prompts

    def run_llm(self, prompt):
        output = self._llm.generate([prompt], SamplingParams(max_tokens=64))[0]
        return output.outputs[0].text, len(output.outputs[0].token_ids)

    def run_llm_batched(self, prompts):
        outputs = self._llm.generate(prompts, SamplingParams(max_tokens=64))
        return [(output.outputs[0].text, len(output.outputs[0].token_ids)) for output in outputs]
