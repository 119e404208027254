# A wrapper that hands the tokenizer everything its caller passes (`tokenizer.apply_chat_template(**kw)`): the
# conversation comes by the tokenizer's own keyword, `conversation=`, and each call is judged with what it passes.


def apply_template(tokenizer, **kw):
    return tokenizer.apply_chat_template(**kw)


def preprocess(example, tokenizer):
    ids = apply_template(tokenizer, conversation=example["messages"], add_generation_prompt=True, return_dict=False)  # expect: CL001 "through the wrapper `apply_template`"
    return {"input_ids": ids, "labels": list(ids)}


def prompt_only(example, tokenizer):
    return apply_template(tokenizer, conversation=example["messages"][:-1], add_generation_prompt=True, tokenize=False)
