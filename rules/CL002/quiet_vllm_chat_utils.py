# The twins: vLLM's `apply_hf_chat_template` told to tokenize, or its text encoded without special tokens.
from transformers import AutoTokenizer
from vllm.entrypoints.chat_utils import apply_hf_chat_template

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def token_ids(conversation):
    return apply_hf_chat_template(tokenizer, conversation=conversation, chat_template=None, tokenize=True)


def encode(conversation):
    prompt = apply_hf_chat_template(tokenizer, conversation=conversation, chat_template=None, add_generation_prompt=True)
    return tokenizer.encode(prompt, add_special_tokens=False)
