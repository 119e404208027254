# Offline batch generation: a formatter of the prompts module built once at module level, used by the function that
# hands the engine its texts.
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams

from .prompts import ChatFormatter

MODEL = "meta-llama/Llama-3.1-8B-Instruct"
formatter = ChatFormatter(AutoTokenizer.from_pretrained(MODEL))
llm = LLM(model=MODEL)


def generate_all(conversations):
    prompts = [formatter.format(messages) for messages in conversations]
    return llm.generate(prompts, SamplingParams(max_tokens=256))  # expect: CL002 "the wrapper `ChatFormatter.format`"
