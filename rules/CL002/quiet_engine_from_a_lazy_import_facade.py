# The twin of flag_engine_from_a_lazy_import_facade.py that hands vLLM the token ids of the render (tokenized once,
# by the template alone): vLLM tokenizes nothing again.
from transformers import AutoTokenizer

from benchkit.utils.lazy_imports import vllm


def build_engine(config):
    return vllm.LLM(model=config.base_model_path, trust_remote_code=True)


def answer_turn(llm: vllm.LLM, tokenizer, conv, question, **sampling):
    conv.append({"role": "user", "content": question})
    ids = tokenizer.apply_chat_template(conv, tokenize=True, add_generation_prompt=True, return_dict=False)
    outputs = llm.generate({"prompt_token_ids": ids}, vllm.SamplingParams(**sampling))
    return outputs[0].outputs[0].text


def main(config, questions):
    tokenizer = AutoTokenizer.from_pretrained(config.base_model_path)
    llm = build_engine(config)
    return [answer_turn(llm, tokenizer, [], question, temperature=0.0) for question in questions]
