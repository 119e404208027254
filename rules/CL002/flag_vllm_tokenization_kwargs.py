# vLLM's `generate` with `tokenization_kwargs` that leave special tokens on (another keyword only, or
# `add_special_tokens=True`): a render handed over gets a second BOS.
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams

tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")
params = SamplingParams(max_tokens=64)


def answer_truncated(messages):
    prompt = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return llm.generate([prompt], params, tokenization_kwargs={"truncation": True})  # expect: CL002 "vLLM's `LLM.generate`"


def answer_on(messages):
    prompt = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return llm.generate([prompt], params, tokenization_kwargs={"add_special_tokens": True})  # expect: CL002 "tokenizing them again with `add_special_tokens=True`"
