# A handler whose model is a vLLM engine on one path and a transformers model on another, and which keeps vLLM's
# `SamplingParams` class on itself: a `generate` given texts and an instance of that class is vLLM's, which
# tokenizes them with special tokens on.
from transformers import AutoModelForCausalLM, AutoTokenizer


class Handler:
    def __init__(self, model_id, use_vllm=True):
        self.tokenizer = AutoTokenizer.from_pretrained(model_id)
        if use_vllm:
            from vllm import LLM, SamplingParams

            self.model = LLM(model_id)
            self.sampling_params_class = SamplingParams
        else:
            self.model = AutoModelForCausalLM.from_pretrained(model_id)

    def _render(self, prompt):
        messages = [{"role": "user", "content": prompt}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def generate(self, prompts, max_tokens=256):
        texts = [self._render(prompt) for prompt in prompts]
        params = self.sampling_params_class(temperature=0.0, max_tokens=max_tokens)
        return self.model.generate(texts, params)  # expect: CL002 "`texts` holds texts rendered"
