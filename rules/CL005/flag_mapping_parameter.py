# A render that spreads a mapping parameter (`**template_kwargs`) is judged with what the module's calls hand it: a
# dict of template variables only, or one the code does not show but reads from the data, leaves the render's
# defaults, so its result is a `BatchEncoding` under transformers 5. Reported at the render when the function builds
# its own conversation, at the call when it renders the one its caller passes.
# versions: transformers>=4.56


def encode_question(tok, question, template_kwargs):
    messages = [{"role": "user", "content": question}]
    return tok.apply_chat_template(messages, add_generation_prompt=True, **template_kwargs)  # expect: CL005 "`template_kwargs` given `{\"enable_thinking\": False}`"


def fits(tok, question, budget):
    return len(encode_question(tok, question, {"enable_thinking": False})) <= budget


def render(tok, messages, template_kwargs):
    return tok.apply_chat_template(messages, add_generation_prompt=True, **template_kwargs)


def prompt_length(tok, example):
    ids = render(tok, example["messages"], example.get("chat_template_kwargs", {}))  # expect: CL005 "`len(ids)`"
    return len(ids)
