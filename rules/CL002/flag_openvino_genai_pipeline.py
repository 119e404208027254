# OpenVINO GenAI's `LLMPipeline.generate` given a rendered text: with `apply_chat_template` off it encodes the text with
# special tokens on (a second BOS); on (the default from 2025.1) it puts the text in the chat template again, BOS
# and all. It takes no switch for special tokens, so there is no fix to write here.
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
