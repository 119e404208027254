# The twin of flag_base_method_reading_self_with_default.py: a subclass that never sets `self.tokenizer` gets the
# plain-text fallback, which has no BOS, and hands it to vLLM.
from abc import ABC

from vllm import LLM, SamplingParams


class Backend(ABC):
    def messages_to_prompt(self, messages):
        tokenizer = getattr(self, "tokenizer", None)
        if tokenizer is not None:
            return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return "\n".join(f"{m['role']}: {m['content']}" for m in messages) + "\nassistant:"


class VLLMBackend(Backend):
    def __init__(self, model_id):
        self.engine = LLM(model=model_id)

    def generate(self, messages):
        prompt = self.messages_to_prompt(messages)
        return self.engine.generate([prompt], SamplingParams(max_tokens=128))
