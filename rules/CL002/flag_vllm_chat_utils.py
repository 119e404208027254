# vLLM's own `apply_hf_chat_template` renders a tokenizer's template as text unless told `tokenize=True`: encoding
# that text with special tokens on adds a second BOS.
from transformers import AutoTokenizer
from vllm.entrypoints.chat_utils import apply_hf_chat_template

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def encode(conversation):
    prompt = apply_hf_chat_template(tokenizer, conversation=conversation, chat_template=None, add_generation_prompt=True)
    return tokenizer.encode(prompt)  # expect: CL002 "vLLM's `apply_hf_chat_template("
