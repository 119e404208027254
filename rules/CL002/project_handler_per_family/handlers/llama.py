# Llama 3 handlers render the model's own chat template.
from transformers import AutoTokenizer

from .base import OSSHandler


class LlamaHandler(OSSHandler):
    def __init__(self, model_name, base_url):
        super().__init__(model_name, base_url)
        self.tokenizer = AutoTokenizer.from_pretrained(model_name)
        self.stop_token_ids = [self.tokenizer.convert_tokens_to_ids("<|eot_id|>")]

    def _format_prompt(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
