# The prompts the imported generator yields go to vLLM as text: with Llama 3 (its checkpoint named by the imported
# constant), each starts with two BOS tokens.
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams

from prompts import LLAMA_MODEL, render_prompts


def main(rows):
    tokenizer = AutoTokenizer.from_pretrained(LLAMA_MODEL)
    prompts = list(render_prompts(tokenizer, rows))
    llm = LLM(model=LLAMA_MODEL)
    return llm.generate(prompts, SamplingParams(max_tokens=256))  # expect: CL002 "yielded by `render_prompts`, so each already starts with the template's BOS (the Llama 3 chat template writes one)"
