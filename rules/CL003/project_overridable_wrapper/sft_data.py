# The prompt measured without the generation prompt (the wrapper's own False) masks too few labels; the twin
# overrides it, and its prompt's length is exactly the prompt.
from templating import encode_chat

IGNORE = -100


def mask_conversation(tokenizer, conversation):
    full_ids = encode_chat(tokenizer, conversation)
    prompt_ids = encode_chat(tokenizer, conversation[:-1])  # expect: CL003 "through the wrapper `encode_chat`"
    labels = [IGNORE] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}


def mask_conversation_opened(tokenizer, conversation):
    full_ids = encode_chat(tokenizer, conversation)
    prompt_ids = encode_chat(tokenizer, conversation[:-1], add_generation_prompt=True)
    labels = [IGNORE] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}
