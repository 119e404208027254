# The checkpoint is given by a property of an imported settings class that always returns a ChatML one (no BOS).
from transformers import AutoTokenizer
from vllm import LLM

from configs import JobSettings
from prompts import build_prompt


def run(rows, settings: JobSettings):
    tokenizer = AutoTokenizer.from_pretrained(settings.model_id)
    prompts = [build_prompt(tokenizer, row) for row in rows]
    return LLM(model=settings.model_id).generate(prompts)
