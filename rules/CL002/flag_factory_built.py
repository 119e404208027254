# Instances built by factory functions of the module annotated to return their class: the worker's prompt builder
# renders, and its engine hands the rendered texts to vLLM as text (`list(prompts)`).
from vllm import LLM, SamplingParams

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


class PromptBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def build(self, row):
        return self.tokenizer.apply_chat_template([{"role": "user", "content": row["q"]}], tokenize=False, add_generation_prompt=True)


class Engine:
    def __init__(self):
        self.llm = LLM(model=CHECKPOINT)

    def sample(self, prompts):
        return self.llm.generate(list(prompts), SamplingParams(max_tokens=64))


def make_builder(tokenizer) -> PromptBuilder:
    return PromptBuilder(tokenizer)


def make_engine() -> "Engine":
    return Engine()


def rollout(tokenizer, rows):
    builder = make_builder(tokenizer)
    engine = make_engine()
    prompts = [builder.build(row) for row in rows]
    return engine.sample(prompts)  # expect: CL002 "returned by `PromptBuilder.build`"
