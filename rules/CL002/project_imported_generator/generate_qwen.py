# The same with Qwen (the imported constant names its checkpoint): its ChatML template writes no BOS.
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams

from prompts import QWEN_MODEL, render_prompts


def main(rows):
    tokenizer = AutoTokenizer.from_pretrained(QWEN_MODEL)
    prompts = list(render_prompts(tokenizer, rows))
    llm = LLM(model=QWEN_MODEL)
    return llm.generate(prompts, SamplingParams(max_tokens=256))
