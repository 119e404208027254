# The twins: a factory annotated to return something else than the rendering class (a dict), and an engine method
# that hands vLLM token ids.
from vllm import LLM, SamplingParams, TokensPrompt

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

    def sample_ids(self, tokenizer, prompts):
        ids = [tokenizer(text, add_special_tokens=False)["input_ids"] for text in prompts]
        return self.llm.generate([TokensPrompt(prompt_token_ids=item) for item in ids], SamplingParams(max_tokens=64))


def make_builders(tokenizer) -> dict:
    return {"chat": PromptBuilder(tokenizer)}


def rollout(tokenizer, rows):
    builder = make_builders(tokenizer)["chat"]
    prompts = [builder.build(row) for row in rows]
    return Engine().sample_ids(tokenizer, prompts)
