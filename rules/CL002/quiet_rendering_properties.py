# The twins: the property's ids handed to vLLM as token ids, a method (not a property) whose result is not read as
# text, and a property that tokenizes without special tokens.
from dataclasses import dataclass

from vllm import LLM, TokensPrompt

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


@dataclass
class ChatRequest:
    tokenizer: object
    question: str

    @property
    def prompt(self):
        messages = [{"role": "user", "content": self.question}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    @property
    def prompt_ids(self):
        return self.tokenizer(self.prompt, add_special_tokens=False)["input_ids"]

    def render(self, suffix):
        return self.tokenizer.apply_chat_template([{"role": "user", "content": suffix}], tokenize=False)


class Runner:
    def __init__(self):
        self.llm = LLM(model=CHECKPOINT)

    def run(self, requests: list[ChatRequest]):
        prompts = [TokensPrompt(prompt_token_ids=request.prompt_ids) for request in requests]
        return self.llm.generate(prompts)

    def names(self, request: ChatRequest):
        return [request.render.__name__, request.prompt_ids]


class SampleLogger:
    # the class's own property returns plain documents, and its renders are tokenized without special tokens
    def __init__(self, tokenizer, examples):
        self.tokenizer = tokenizer
        self.examples = examples

    @property
    def documents(self):
        return [ex["text"] for ex in self.examples]

    @property
    def prompts(self):
        return [
            self.tokenizer.apply_chat_template(ex["messages"][:-1], tokenize=False, add_generation_prompt=True)
            for ex in self.examples
        ]

    def sample(self, model):
        documents = self.documents
        model.generate(**self.tokenizer(documents, return_tensors="pt", padding=True))
        prompts = self.prompts
        model.generate(**self.tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False))
