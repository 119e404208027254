# The checkpoint is the default of an imported configuration field: a ChatML template writes no BOS.
from transformers import AutoTokenizer
from vllm import LLM

from configs import EvalConfig
from prompts import build_prompt


def main(rows, cfg: EvalConfig = EvalConfig()):
    tokenizer = AutoTokenizer.from_pretrained(cfg.model)
    prompts = [build_prompt(tokenizer, row) for row in rows]
    return LLM(model=cfg.model).generate(prompts)
