# The twins of flag_mapping_parameter.py: every call hands the spread mapping `return_dict=False`, or asks for text,
# or hands a mapping the code cannot read (which may hold either).
# versions: transformers>=4.56


def encode_question(tok, question, template_kwargs):
    messages = [{"role": "user", "content": question}]
    return tok.apply_chat_template(messages, add_generation_prompt=True, **template_kwargs)


def fits(tok, question, budget):
    return len(encode_question(tok, question, {"enable_thinking": False, "return_dict": False})) <= budget


def render(tok, messages, template_kwargs):
    return tok.apply_chat_template(messages, add_generation_prompt=True, **template_kwargs)


def prompt_text(tok, example):
    text = render(tok, example["messages"], {"tokenize": False})
    return tok(text, add_special_tokens=False)


def prompt_length(tok, example, options):
    ids = render(tok, example["messages"], options)
    return len(ids)
