# Best-of-n sampling with vLLM over the prompts of a dataset: the rendered prompts already start with the
# template's BOS, and vLLM adds its own to a text prompt.
from vllm import LLM, SamplingParams

from . import ConfiguredPromptDataset, PromptDataset, RawPromptDataset


def best_of_n(rows, tokenizer, n=4):
    llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")
    prompts = list(PromptDataset(rows, tokenizer))
    return llm.generate(prompts * n, SamplingParams(temperature=1.0))  # expect: CL002 "returned by `PromptDataset.__getitem__`"


def first_prompt_ids(rows, tokenizer):
    dataset = PromptDataset(rows, tokenizer)
    return tokenizer(dataset[0], add_special_tokens=False)["input_ids"]


def raw_best_of_n(rows, n=4):
    llm = LLM(model="meta-llama/Llama-3.1-8B")
    prompts = list(RawPromptDataset(rows))
    return llm.generate(prompts * n, SamplingParams(temperature=1.0))


def configured_best_of_n(rows, tokenizer, args, n=4):
    llm = LLM(model=args.pretrain)
    prompts = list(ConfiguredPromptDataset(rows, tokenizer, args.apply_chat_template))
    return llm.generate(prompts * n, SamplingParams(temperature=1.0))  # expect: CL002 "(on at least one path)"
