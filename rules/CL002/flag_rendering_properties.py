# A request class whose property renders its conversation: reading the property on an instance (one request, or each
# of an annotated list of them) gives rendered text, and vLLM tokenizes a text prompt with special tokens.
from dataclasses import dataclass

from vllm import LLM

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


@dataclass
class ChatRequest:
    tokenizer: object
    question: str

    @property
    def prompt(self):
        messages = [{"role": "user", "content": self.question}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


class Runner:
    def __init__(self):
        self.llm = LLM(model=CHECKPOINT)

    def run(self, requests: list[ChatRequest]):
        prompts = [request.prompt for request in requests]
        return self.llm.generate(prompts)  # expect: CL002 "returned by `ChatRequest.prompt`"

    def run_one(self, request: ChatRequest):
        return self.llm.generate(request.prompt)  # expect: CL002 "returned by `ChatRequest.prompt`"


class SampleLogger:
    # a property of the class itself that returns the renders, read as `self.prompts` and tokenized in chunks
    def __init__(self, tokenizer, examples):
        self.tokenizer = tokenizer
        self.examples = examples

    @property
    def prompts(self):
        return [
            self.tokenizer.apply_chat_template(ex["messages"][:-1], tokenize=False, add_generation_prompt=True)
            for ex in self.examples
        ]

    def sample(self, model):
        prompts = self.prompts
        for start in range(0, len(prompts), 4):
            batch = prompts[start : start + 4]
            encoded = self.tokenizer(batch, return_tensors="pt", padding=True)  # expect: CL002 "`batch` holds texts"
            model.generate(**encoded)
