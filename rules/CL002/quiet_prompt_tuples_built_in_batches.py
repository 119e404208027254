# The twins of flag_prompt_tuples_built_in_batches.py: the counts of the mapped tuples go on, not the texts; the
# texts go to vLLM as token ids; and a pool maps a builder of plain documents.
from concurrent.futures import ThreadPoolExecutor

from vllm import LLM, TokensPrompt


class ListwiseReranker:
    def __init__(self, tokenizer):
        self._tokenizer = tokenizer
        self._llm = LLM(model="meta-llama/Meta-Llama-3-8B-Instruct")

    def create_prompt(self, result):
        messages = [{"role": "user", "content": f"Rank the passages for: {result['query']}"}]
        prompt = self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return prompt, len(messages)

    def create_document(self, result):
        return f"Query: {result['query']}", 1

    def create_prompt_batched(self, results):
        all_prompts = []
        with ThreadPoolExecutor() as executor:
            all_prompts.extend(list(executor.map(lambda result: self.create_prompt(result), results)))
        return all_prompts

    def budget(self, results):
        return sum(count for _, count in self.create_prompt_batched(results))

    def rerank(self, results):
        prompts = [prompt for prompt, _ in self.create_prompt_batched(results)]
        ids = [self._tokenizer(prompt, add_special_tokens=False).input_ids for prompt in prompts]
        return self._llm.generate([TokensPrompt(prompt_token_ids=item) for item in ids])

    def complete(self, results):
        with ThreadPoolExecutor() as executor:
            documents = list(executor.map(self.create_document, results))
        return self._llm.generate([document for document, _ in documents])
