# The same with another settings class whose property of the same name gives a checkpoint of another family: the
# ChatML default of the first class says nothing about it.
from transformers import AutoTokenizer
from vllm import LLM

from configs import GemmaJobSettings, JobSettings
from prompts import build_prompt


def run(rows, settings: GemmaJobSettings, fallback: JobSettings):
    tokenizer = AutoTokenizer.from_pretrained(settings.model_id)
    prompts = [build_prompt(tokenizer, row) for row in rows]
    return LLM(model=settings.model_id).generate(prompts)  # expect: CL002 "`prompts` holds texts"
