# The twin of flag_runtime_switches.py left alone: the model attribute is a vLLM engine for one runtime and a
# transformers model for another, and the call that hands it token ids (no `SamplingParams`) is the transformers
# model's `generate`, which tokenizes nothing.
from transformers import AutoModelForCausalLM, AutoTokenizer
from vllm import LLM


class Runner:
    def __init__(self, checkpoint, runtime="vllm"):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        if runtime == "vllm":
            self.model = LLM(model=checkpoint)
        else:
            self.model = AutoModelForCausalLM.from_pretrained(checkpoint)

    def generate_ids(self, prompts):
        rendered = [
            self.tokenizer.apply_chat_template([{"role": "user", "content": p}], tokenize=False, add_generation_prompt=True)
            for p in prompts
        ]
        ids = self.tokenizer(rendered, return_tensors="pt", padding=True, add_special_tokens=False)["input_ids"]
        return self.model.generate(ids, max_new_tokens=64)
