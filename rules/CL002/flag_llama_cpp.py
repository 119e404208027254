# A rendered prompt handed as text to llama-cpp-python: `Llama` puts the model's BOS in front of a text prompt and
# reads special tokens in it, so the BOS the template wrote is a second one.
from llama_cpp import Llama
from transformers import AutoTokenizer

TOKENIZER = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B-Instruct")


class LocalChat:
    def __init__(self, gguf_path):
        self.llm = Llama(model_path=gguf_path, n_ctx=4096)

    def complete(self, messages):
        prompt = TOKENIZER.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.llm.create_completion(prompt=prompt, max_tokens=256)  # expect: CL002 "llama-cpp-python"

    def __call__(self, messages):
        prompt = TOKENIZER.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.llm(prompt, max_tokens=256)  # expect: CL002 "Llama.create_completion"
