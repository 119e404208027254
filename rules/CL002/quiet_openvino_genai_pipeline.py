# The twins: OpenVINO GenAI's pipeline given the messages' token ids, or a plain question it templates itself (also
# through a loader run in a worker thread).
import asyncio

import openvino_genai as ov_genai
from transformers import AutoTokenizer


class LocalServer:
    def __init__(self, model_dir, device="CPU"):
        self.tokenizer = AutoTokenizer.from_pretrained(model_dir)
        self.pipe = ov_genai.LLMPipeline(model_dir, device)

    def chat_ids(self, messages):
        ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        return self.pipe.generate(ov_genai.TokenizedInputs(ids), max_new_tokens=256)

    def ask(self, question):
        return self.pipe.generate(question, max_new_tokens=256)


def build_pipeline(model_dir, device):
    return ov_genai.LLMPipeline(model_dir, device, {"PERFORMANCE_HINT": "LATENCY"}) if device == "GPU" else ov_genai.LLMPipeline(model_dir, device)


def load(model_dir, device="GPU"):
    return build_pipeline(model_dir, device), AutoTokenizer.from_pretrained(model_dir)


async def ask_in_a_thread(question, model_dir):
    pipe, _ = await asyncio.to_thread(load, model_dir)
    return await asyncio.to_thread(pipe.generate, question, ov_genai.GenerationConfig(max_new_tokens=128))
