# The twins: the engine the module's function builds is handed ids tokenized without special tokens, and a function
# that may return something else than an engine (a client of a remote server) makes the call's engine unknown.
from vllm import LLM, SamplingParams


def _get_llm(model):
    return LLM(model=model)


def _get_backend(model, remote_client=None):
    if remote_client is not None:
        return remote_client
    return LLM(model=model)


def run_completion(model, tokenizer, prompt, remote_client=None):
    messages = [{"role": "user", "content": prompt}]
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    outputs = _get_llm(model).generate(prompt_token_ids=[ids], sampling_params=SamplingParams(max_tokens=128))
    backend = _get_backend(model, remote_client)
    return outputs, backend.generate([text])
