# vLLM's `generate` takes the tokenizer's keywords in `tokenization_kwargs`: a render handed over with
# `{"add_special_tokens": False}` gets no second BOS; one whose keywords come from a dict that sets them on some
# paths is left alone (what the tokenizer gets depends on the path).
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams

tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")
params = SamplingParams(max_tokens=64)


def answer(messages):
    prompt = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return llm.generate([prompt], params, tokenization_kwargs={"add_special_tokens": False})


def answer_templated(messages, templated):
    prompt = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    extra = {"tokenization_kwargs": {"add_special_tokens": False}} if templated else {}
    return llm.generate([prompt], params, **extra)
