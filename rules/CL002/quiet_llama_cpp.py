# Quiet: the messages handed to llama-cpp-python's chat API (it renders them once), a plain text prompt, a call of
# something that is not a `Llama`, and a module that does not use llama-cpp-python.
from llama_cpp import Llama
from transformers import AutoTokenizer

TOKENIZER = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B-Instruct")
llm = Llama(model_path="model.gguf")


def chat(messages):
    return llm.create_chat_completion(messages=messages)


def plain(text):
    return llm(text, max_tokens=64)


def summarize(messages, summarizer):
    prompt = TOKENIZER.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return summarizer(prompt)
