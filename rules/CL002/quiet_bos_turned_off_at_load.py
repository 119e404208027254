# Tokenizers loaded with their BOS turned off (`add_bos_token=False`): a rendered prompt, which starts with the
# template's BOS, keeps one BOS when that tokenizer tokenizes it, in the function or in another method of the class.
from transformers import AutoTokenizer


class ContextWindow:
    def __init__(self, checkpoint="meta-llama/Llama-3.1-8B-Instruct"):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint, add_bos_token=False)

    def system_tokens(self, system):
        text = self.tokenizer.apply_chat_template([{"role": "system", "content": system}], tokenize=False)
        return self.tokenize(text)

    def tokenize(self, text):
        return self.tokenizer(text)["input_ids"]


def encode_prompt(question):
    tokenizer = AutoTokenizer.from_pretrained("google/gemma-2-9b-it", add_bos_token=False)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False)
    return tokenizer.encode(text)
