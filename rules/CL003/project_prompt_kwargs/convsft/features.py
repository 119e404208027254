# The prompt's keywords come from the configuration: the generation prompt may be among them, so the mask is not
# judged. The split without keywords renders the prompt without the assistant header, and its length masks labels.
from dataclasses import dataclass, field

from convsft.render import split_plain, split_prompt_completion


@dataclass
class DataConfig:
    max_length: int = 4096
    prompt_template_kwargs: dict = field(default_factory=lambda: {"add_generation_prompt": True})


def build_features(example, tokenizer, cfg: DataConfig):
    prompt, full = split_prompt_completion(tokenizer, example["messages"], cfg.prompt_template_kwargs)
    input_ids = tokenizer(full, add_special_tokens=False, truncation=True, max_length=cfg.max_length)["input_ids"]
    n_prompt = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    return {"input_ids": input_ids, "labels": [-100] * n_prompt + input_ids[n_prompt:]}


def build_plain_features(example, tokenizer):
    prompt, full = split_plain(tokenizer, example["messages"])  # expect: CL003 "through the helper `split_plain`"
    input_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    n_prompt = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    return {"input_ids": input_ids, "labels": [-100] * n_prompt + input_ids[n_prompt:]}
