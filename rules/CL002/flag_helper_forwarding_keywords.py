# A render helper repairs the conversation and retries with fewer template variables, handing the template its
# caller's keywords (`{**kwargs, **options}`): a caller that passes `tokenize=False` gets text, BOS included, and
# tokenizes it again with special tokens on.
def render_with_repairs(tokenizer, conversation, tools=None, **kwargs):
    kwargs.setdefault("add_generation_prompt", True)
    variants = [conversation, [dict(message) for message in conversation]]
    last_error = None
    for options in [{"tools": tools}, {}]:
        call_kwargs = {**kwargs, **options}
        for messages in variants:
            try:
                return tokenizer.apply_chat_template(messages, **call_kwargs)
            except Exception as error:
                last_error = error
    raise last_error


def rollout(model, tokenizer, conversation):
    prompt_text = render_with_repairs(tokenizer, conversation, tokenize=False)
    encoded = tokenizer(prompt_text, return_tensors="pt")  # expect: CL002 "(with `tokenize=False` passed), returned by `render_with_repairs`"
    return model.generate(**encoded, max_new_tokens=256)
