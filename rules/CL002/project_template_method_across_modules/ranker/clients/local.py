from transformers import AutoTokenizer, pipeline

from .base import BaseClient


class PipelineClient(BaseClient):
    def __init__(self, checkpoint):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.pipe = pipeline("text-generation", model=checkpoint, tokenizer=self.tokenizer)

    def _prepare_messages(self, prompt, history):
        messages = [*history, {"role": "user", "content": prompt}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def _do_invoke(self, prepared, **options):
        return self.pipe(prepared, max_new_tokens=256)  # expect: CL002 "handed to `PipelineClient._do_invoke` by `BaseClient.invoke`"
