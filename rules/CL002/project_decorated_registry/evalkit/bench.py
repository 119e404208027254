"""A benchmark that formats its samples with the registry's formatter a style names and hands them to vLLM."""

from vllm import LLM

from evalkit.formatters import FORMATTERS


def run(checkpoint, samples, style="chat"):
    formatter = FORMATTERS[style](checkpoint)
    prompts = [formatter.format(sample) for sample in samples]
    return LLM(model=checkpoint).generate(prompts)  # expect: CL002 "returned by `ChatFormatter.format`"


def run_without_special_tokens(checkpoint, samples, style="chat"):
    formatter = FORMATTERS[style](checkpoint)
    prompts = [formatter.format(sample) for sample in samples]
    tokenizer = formatter.tokenizer
    ids = [tokenizer(prompt, add_special_tokens=False)["input_ids"] for prompt in prompts]
    return LLM(model=checkpoint).generate(prompt_token_ids=ids)
