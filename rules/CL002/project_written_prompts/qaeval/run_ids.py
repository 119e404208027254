"""The same evaluation, handing the engine token ids tokenized without special tokens."""

from transformers import AutoTokenizer
from vllm import SamplingParams
from vllm.inputs import TokensPrompt

from qaeval.engine import load_llm
from qaeval.prompts import wrap_chat


def run(model: str, model_type: str, questions: list[str]) -> list[str]:
    llm = load_llm(model)
    tokenizer = AutoTokenizer.from_pretrained(model)
    prompts = []
    for question in questions:
        ids = tokenizer(wrap_chat("Answer briefly.", question, model_type), add_special_tokens=False)["input_ids"]
        prompts.append(TokensPrompt(prompt_token_ids=ids))
    return [output.outputs[0].text for output in llm.generate(prompts, SamplingParams(max_tokens=64))]
