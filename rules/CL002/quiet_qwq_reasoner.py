# A reasoner class named for QwQ, a Qwen model (ChatML, no BOS in its template): the tokenizer's special tokens add
# the one BOS.
from transformers import AutoTokenizer


class QwQReasoner:
    def __init__(self, tokenizer_path):
        self.tokenizer = AutoTokenizer.from_pretrained(tokenizer_path)

    def prompt_ids(self, messages):
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.tokenizer(text)["input_ids"]
