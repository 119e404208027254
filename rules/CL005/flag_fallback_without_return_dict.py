# versions: transformers>=4.36
# The twin of quiet_fallback_for_old_tokenizers.py: the `try` asks for tools, not for a mapping, so the fallback
# runs for any tokenizer whose template refuses the tools, and under transformers 5 its result is a BatchEncoding
# handed on as the ids.
import torch


def encode_chat(tokenizer, messages, tools):
    try:
        ids = tokenizer.apply_chat_template(messages, tools=tools, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "used as a list of ids"
    except TypeError:
        ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "used as a list of ids"
    return {"input_ids": ids, "attention_mask": torch.ones_like(ids)}
