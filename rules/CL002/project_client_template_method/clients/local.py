# Local backends: a pipeline given the rendered text, and a model given the rendered ids.
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

from .base import ChatClient


class PipelineClient(ChatClient):
    def __init__(self, checkpoint):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.pipe = pipeline("text-generation", model=checkpoint, tokenizer=self.tokenizer)

    def _prepare(self, prompt, history):
        messages = [*history, {"role": "user", "content": prompt}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def _send(self, prepared, **options):
        return self.pipe(prepared, max_new_tokens=options.get("max_tokens", 256))  # expect: CL002 "handed to `PipelineClient._send` by `ChatClient.complete` (clients/base.py:8)"


class ModelClient(ChatClient):
    def __init__(self, checkpoint):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.model = AutoModelForCausalLM.from_pretrained(checkpoint)

    def _prepare(self, prompt, history):
        messages = [*history, {"role": "user", "content": prompt}]
        return self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "which `ChatClient.complete` (clients/base.py:8) hands to `ModelClient._send` as `prepared`: `prepared.shape"

    def _send(self, prepared, **options):
        self.prompt_length = prepared.shape[1]
        return self.model.generate(prepared, max_new_tokens=options.get("max_tokens", 256))
