# A text encoder for a Qwen 3 backbone: the render passes `enable_thinking=False` itself, a variable of Qwen 3's
# ChatML template, which writes no BOS; the tokenizer's special tokens add none either.
from transformers import AutoTokenizer


class PromptEncoder:
    def __init__(self, path):
        self.tokenizer = AutoTokenizer.from_pretrained(path)

    def format(self, prompt):
        return self.tokenizer.apply_chat_template(
            [{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True, enable_thinking=False
        )

    def encode(self, prompt, max_length=512):
        return self.tokenizer(self.format(prompt), padding="max_length", max_length=max_length, truncation=True)


def serve_with_ollama_fallback(encoder, prompt, client=None):
    # served by Ollama when a client is given, else by the encoder above: neither names another model family
    if client is not None:
        return client.generate(model="local", prompt=prompt)
    return encoder.encode(prompt)


class HarmonyReasoner:
    # gpt-oss's Harmony template: `reasoning_effort` is its variable, and it starts with `<|start|>system`, no BOS
    def __init__(self, path):
        self.tokenizer = AutoTokenizer.from_pretrained(path)

    def encode(self, prompt):
        text = self.tokenizer.apply_chat_template(
            [{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True, reasoning_effort="low"
        )
        return self.tokenizer(text, return_tensors="pt", add_special_tokens=True).input_ids
