# vLLM bound through the project's lazy-import facade (`from ..utils.lazy_imports import vllm`, a module object that
# imports vLLM on first use) is still vLLM: `vllm.LLM(...).generate(text)` tokenizes the rendered text with special
# tokens on, a second BOS for a base model whose template writes one.
from transformers import AutoTokenizer

from benchkit.utils.lazy_imports import vllm


def build_engine(config):
    return vllm.LLM(model=config.base_model_path, trust_remote_code=True)


def answer_turn(llm: vllm.LLM, tokenizer, conv, question, **sampling):
    conv.append({"role": "user", "content": question})
    conversation = tokenizer.apply_chat_template(conv, tokenize=False, add_generation_prompt=True)
    outputs = llm.generate([conversation], vllm.SamplingParams(**sampling))  # expect: CL002 "vLLM"
    return outputs[0].outputs[0].text


def main(config, questions):
    tokenizer = AutoTokenizer.from_pretrained(config.base_model_path)
    llm = build_engine(config)
    return [answer_turn(llm, tokenizer, [], question, temperature=0.0) for question in questions]
