# The same handler calling `generate` without vLLM's sampling parameters: which model it is, the code does not say.
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
        return self.model.generate(texts, max_new_tokens=max_tokens)
