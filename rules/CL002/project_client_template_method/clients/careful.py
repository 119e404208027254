# The twins: the pipeline told not to add special tokens again, and the ids asked for as a list.
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
        return self.pipe(prepared, add_special_tokens=False, max_new_tokens=options.get("max_tokens", 256))


class ModelClient(ChatClient):
    def __init__(self, checkpoint):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.model = AutoModelForCausalLM.from_pretrained(checkpoint)

    def _prepare(self, prompt, history):
        messages = [*history, {"role": "user", "content": prompt}]
        return self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)

    def _send(self, prepared, **options):
        self.prompt_length = len(prepared)
        return self.model.generate([prepared], max_new_tokens=options.get("max_tokens", 256))


class RemoteClient(ChatClient):
    # sends the messages as they are: nothing is rendered here
    def _prepare(self, prompt, history):
        return [*history, {"role": "user", "content": prompt}]

    def _send(self, prepared, **options):
        return self.session.post("/v1/chat/completions", json={"messages": prepared, **options})
