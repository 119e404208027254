# vLLM's `generate` takes a fixed set of keywords (sampling parameters, LoRA, priority), none of them
# `add_special_tokens`: a `**mapping` passed to it cannot turn special tokens off.
from vllm import LLM


class VLLMModel:
    def __init__(self, model_id):
        self.model = LLM(model=model_id)
        self.tokenizer = self.model.get_tokenizer()

    def generate(self, messages, **kwargs):
        prompt = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        return self.model.generate(prompt, sampling_params=None, **kwargs)  # expect: CL002 "vLLM's `LLM.generate`"
