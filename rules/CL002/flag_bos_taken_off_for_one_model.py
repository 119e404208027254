# The BOS taken off the render only for the models a branch names (`if model_path.endswith("FsfairX-LLaMA3-RM-v0.1")`,
# a reward model's demo code), while the other branch tokenizes the render as it is: with any other model whose
# template writes a BOS (Llama 3, Gemma 2), the tokenizer adds a second one. Reported with an unsafe fix (on the
# branch that strips it, `add_special_tokens=False` is not what the code wants). (A strip chosen by the text itself,
# `if text.startswith(tokenizer.bos_token)`, covers every model: quiet_counted_stripped_or_bos_free.py.)


def reward_inputs(tokenizer, conversation, model_path):
    if model_path.endswith("FsfairX-LLaMA3-RM-v0.1"):
        formatted = tokenizer.apply_chat_template(conversation, tokenize=False).replace(tokenizer.bos_token, "")
    else:
        formatted = tokenizer.apply_chat_template(conversation, tokenize=False)
    return tokenizer(formatted, return_tensors="pt")  # expect: CL002 "`formatted` is rendered by"


def embedding_inputs(tokenizer, conversation, model_family):
    if model_family == "llama3":
        text = tokenizer.apply_chat_template(conversation, tokenize=False)[len(tokenizer.bos_token) :]
    elif model_family == "mistral":
        text = tokenizer.apply_chat_template(conversation, tokenize=False).removeprefix("<s>")
    else:
        text = tokenizer.apply_chat_template(conversation, tokenize=False)
    return tokenizer(text, return_tensors="pt")  # expect: CL002 "`text` is rendered by"
