# A prompt builder renders one request in `__call__` and a batch by calling itself (`[self(r) for r in requests]`):
# each text of the batch starts with the template's BOS, and vLLM adds another.
from vllm import LLM, SamplingParams


class PromptBuilder:
    def __init__(self, tokenizer, system=None):
        self.tokenizer = tokenizer
        self.system = system

    def __call__(self, request):
        messages = [{"role": "system", "content": self.system}] if self.system else []
        messages.append({"role": "user", "content": request})
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def many(self, requests):
        return [self(request) for request in requests]


class Engine:
    def __init__(self, model):
        self.llm = LLM(model=model)
        self.prompts = PromptBuilder(self.llm.get_tokenizer())

    def complete(self, requests):
        batch = self.prompts.many(requests)
        outputs = self.llm.generate(batch, SamplingParams(max_tokens=256))  # expect: CL002 "returned by `PromptBuilder.many`"
        return [output.outputs[0].text for output in outputs]
