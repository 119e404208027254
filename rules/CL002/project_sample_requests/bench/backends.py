# Backends: vLLM given text prompts, or a transformers model given token ids. The rendered prompt already starts
# with the template's BOS; tokenized again with special tokens on, it gets a second one.
from vllm import SamplingParams
from vllm.inputs import TextPrompt, TokensPrompt

from .requests import SampleRequest


def run_vllm(llm, requests: list[SampleRequest]):
    prompts = []
    for request in requests:
        if isinstance(request.prompt, list):
            prompt = TokensPrompt(prompt_token_ids=request.prompt)
        else:
            prompt = TextPrompt(prompt=request.prompt)
        prompts.append(prompt)
    return llm.generate(prompts, SamplingParams(max_tokens=256))  # expect: CL002 "stored in `SampleRequest.prompt`"


def run_hf(model, tokenizer, requests: list[SampleRequest]):
    outputs = []
    for index in range(len(requests)):
        ids = tokenizer(requests[index].prompt, return_tensors="pt").input_ids  # expect: CL002 "`requests[index].prompt`"
        outputs.append(model.generate(input_ids=ids, max_new_tokens=requests[index].expected_output_len))
    return outputs


def run_hf_once(model, tokenizer, requests: list[SampleRequest]):
    outputs = []
    for request in requests:
        ids = tokenizer(request.prompt, return_tensors="pt", add_special_tokens=False).input_ids
        outputs.append(model.generate(input_ids=ids, max_new_tokens=request.expected_output_len))
    return outputs
