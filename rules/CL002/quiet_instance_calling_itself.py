# The builder's batch, made by calling itself, goes to vLLM as token ids (`TokensPrompt`) encoded without special
# tokens: one BOS, the template's.
from vllm import LLM, SamplingParams
from vllm.inputs import TokensPrompt


class PromptBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, request):
        messages = [{"role": "user", "content": request}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def many(self, requests):
        return [self(request) for request in requests]


class Engine:
    def __init__(self, model):
        self.llm = LLM(model=model)
        self.tokenizer = self.llm.get_tokenizer()
        self.prompts = PromptBuilder(self.tokenizer)

    def complete(self, requests):
        batch = self.prompts.many(requests)
        ids = [TokensPrompt(prompt_token_ids=self.tokenizer.encode(text, add_special_tokens=False)) for text in batch]
        outputs = self.llm.generate(ids, SamplingParams(max_tokens=256))
        return [output.outputs[0].text for output in outputs]
