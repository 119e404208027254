# Runtimes chosen at load time: the rendered prompts are a list on one branch of a conditional expression, and the
# model attribute is a vLLM engine for one runtime and a transformers model for another; the call that hands it
# `SamplingParams` is vLLM's `generate`, which tokenizes text prompts with special tokens on.
from transformers import AutoModelForCausalLM, AutoTokenizer
from vllm import LLM, SamplingParams


class Runner:
    def __init__(self, checkpoint, runtime="vllm"):
        self.runtime = runtime
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        if runtime == "vllm":
            self.model = LLM(model=checkpoint)
        else:
            self.model = AutoModelForCausalLM.from_pretrained(checkpoint)

    def _render(self, prompt):
        messages = [{"role": "user", "content": prompt}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def generate(self, prompts, use_chat_template=True):
        rendered = [self._render(p) for p in prompts] if use_chat_template else list(prompts)
        if self.runtime == "vllm":
            outputs = self.model.generate(rendered, SamplingParams(max_tokens=64))  # expect: CL002 "vLLM's `LLM.generate`"
            return [output.outputs[0].text for output in outputs]
        inputs = self.tokenizer(rendered, return_tensors="pt", padding=True, add_special_tokens=False)
        return self.tokenizer.batch_decode(self.model.generate(**inputs), skip_special_tokens=True)
