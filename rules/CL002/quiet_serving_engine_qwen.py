# An engine for a model whose template writes no BOS: the checkpoint is an argparse option's default (Qwen), and
# Qwen's ChatML template writes no BOS, so the engine's own BOS is the only one.
import argparse

from transformers import AutoTokenizer
from vllm import LLM, SamplingParams


def judge():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_path", default="Qwen/Qwen3-4B")
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model_path)
    llm = LLM(model=args.model_path)
    text = tokenizer.apply_chat_template([{"role": "user", "content": "Hi"}], tokenize=False, add_generation_prompt=True)
    # Qwen's ChatML template writes no BOS: the engine's own adds none either
    return llm.generate([text], SamplingParams(max_tokens=8))
