# The twins: token ids sent instead of text, special tokens turned off in the request, a chat endpoint given the
# messages, and a `/generate` request with a plain document.
import requests


def sample_ids(tokenizer, messages, base_url):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    return requests.post(f"{base_url}/generate", json={"input_ids": ids}).json()


def sample_off(tokenizer, messages, base_url):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return requests.post(f"{base_url}/generate", json={"prompt": prompt, "add_special_tokens": False}).json()


def chat(messages, base_url):
    return requests.post(f"{base_url}/v1/chat/completions", json={"messages": messages}).json()


def complete(document, base_url):
    return requests.post(f"{base_url}/generate", json={"text": document}).json()
