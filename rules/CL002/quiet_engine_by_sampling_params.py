# The twins of flag_engine_by_sampling_params.py: a transformers model's `generate` (no sampling parameters) given
# the ids of a render, and vLLM given token ids.
from transformers import AutoTokenizer
from vllm import SamplingParams, TokensPrompt

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Meta-Llama-3-8B-Instruct")


def complete_hf(model, messages):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(prompt, return_tensors="pt", add_special_tokens=False)
    return model.generate(**inputs, max_new_tokens=64)


def complete_ids(model, messages):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    return model.generate(TokensPrompt(prompt_token_ids=ids), sampling_params=SamplingParams(max_tokens=64))


def complete_batch(model, conversations, generation_config):
    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    inputs = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
    return model.generate(**inputs, generation_config=generation_config)


async def serve(engine, messages, request_id):
    """vLLM's older engine API given the ids beside the text (`generate(prompt, params, request_id, token_ids)`):
    it uses the ids, tokenized here without special tokens, and leaves the text alone."""
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    token_ids = tokenizer(prompt, add_special_tokens=False).input_ids
    sampling_params = SamplingParams(max_tokens=64)
    async for output in engine.generate(prompt, sampling_params, request_id, token_ids):
        yield output.outputs[0].text
