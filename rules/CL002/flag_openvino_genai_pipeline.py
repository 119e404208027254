# OpenVINO GenAI's `LLMPipeline.generate` given a rendered text: with `apply_chat_template` off it encodes the text with
# special tokens on (a second BOS); on (the default from 2025.1) it puts the text in the chat template again, BOS
# and all. It takes no switch for special tokens, so there is no fix to write here. Also when the pipeline comes from a
# function that returns what another one builds, and the calls run in worker threads.
import asyncio

import openvino_genai as ov_genai
from transformers import AutoTokenizer


class LocalServer:
    def __init__(self, model_dir, device="CPU"):
        self.tokenizer = AutoTokenizer.from_pretrained(model_dir)
        self.pipe = ov_genai.LLMPipeline(model_dir, device)

    def chat(self, messages, max_new_tokens=256):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        config = ov_genai.GenerationConfig()
        config.max_new_tokens = max_new_tokens
        config.apply_chat_template = False
        return self.pipe.generate(prompt, config)  # expect: CL002 "OpenVINO GenAI's `LLMPipeline.generate`"


def build_pipeline(model_dir, device):
    return ov_genai.LLMPipeline(model_dir, device, {"PERFORMANCE_HINT": "LATENCY"}) if device == "GPU" else ov_genai.LLMPipeline(model_dir, device)


def load(model_dir, device="GPU"):
    pipe = build_pipeline(model_dir, device)
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    return pipe, tokenizer


async def complete(messages, model_dir):
    # both loaded by a function that returns what another one builds, each call run in a worker thread
    pipe, tokenizer = await asyncio.to_thread(load, model_dir)
    prompt = await asyncio.to_thread(tokenizer.apply_chat_template, messages, tokenize=False, add_generation_prompt=True)
    return await asyncio.to_thread(pipe.generate, prompt, ov_genai.GenerationConfig(max_new_tokens=128))  # expect: CL002 "OpenVINO GenAI's `LLMPipeline.generate`"
