# Keywords spread from a function of the module that may turn special tokens off (its dict holds the flag), or that
# the code does not show whole (a dict it changes, or one it does not build): what reaches the processor is not known.
from transformers import AutoProcessor

processor = AutoProcessor.from_pretrained("google/gemma-3-4b-it")


def tokenization_kwargs(templated):
    if templated:
        return {"add_special_tokens": False}
    return {}


def merged_kwargs(overrides):
    found = {"return_tensors": "pt"}
    found.update(overrides)
    return found


def inputs(messages, frames):
    text = processor.apply_chat_template(messages, tokenize=False)
    return processor(text=[text], videos=[frames], **tokenization_kwargs(True))


def inputs_with_overrides(messages, overrides):
    text = processor.apply_chat_template(messages, tokenize=False)
    return processor(text=[text], **merged_kwargs(overrides))
