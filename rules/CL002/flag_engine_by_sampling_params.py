# An engine handed in under a name that says nothing (`model`), known by what its `generate` is given: vLLM's
# sampling parameters (`sampling_params=`, or a `SamplingParams(...)`), which a transformers model's `generate`
# never takes. A rendered text prompt gets a second BOS there.
from transformers import AutoTokenizer
from vllm import SamplingParams

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Meta-Llama-3-8B-Instruct")


def complete(model, messages):
    params = SamplingParams(temperature=0.0, max_tokens=512)
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    outputs = model.generate(prompts=[prompt], sampling_params=params)  # expect: CL002 "holds texts rendered by"
    return outputs[0].outputs[0].text


def complete_positional(model, messages, params):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return model.generate([prompt], SamplingParams(max_tokens=64))  # expect: CL002 "holds texts rendered by"


def complete_batch(model, conversations, sampling_params):
    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    return model.generate(prompts, sampling_params)  # expect: CL002 "`prompts` holds texts rendered by"
