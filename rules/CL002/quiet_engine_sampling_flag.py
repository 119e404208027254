# TensorRT-LLM's `SamplingParams` says whether the prompt gets special tokens: set there, it is the code's choice.
from tensorrt_llm import LLM, SamplingParams


def generate(model_path, tokenizer, conversations):
    llm = LLM(model=model_path)
    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    params = SamplingParams(max_tokens=256, add_special_tokens=False)
    return llm.generate(prompts, params)
