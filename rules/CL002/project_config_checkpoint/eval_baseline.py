# The same with a Llama 3 checkpoint: its template writes the BOS that vLLM adds again.
from transformers import AutoTokenizer
from vllm import LLM

from configs import BaselineConfig
from prompts import build_prompt


def main(rows, cfg: BaselineConfig = BaselineConfig()):
    tokenizer = AutoTokenizer.from_pretrained(cfg.checkpoint)
    prompts = [build_prompt(tokenizer, row) for row in rows]
    return LLM(model=cfg.checkpoint).generate(prompts)  # expect: CL002 "Llama 3"
