# A render that spreads its function's own `**kwargs`, in a function a call of the module makes with no keywords:
# there the mapping is empty, and the render returns what its defaults give (a `BatchEncoding` in transformers 5).
from transformers import AutoTokenizer


def template_chunks(system, tokenizer, **kwargs):
    head = tokenizer.apply_chat_template([{"role": "system", "content": system}], **kwargs)  # expect: CL005 "(`**kwargs` empty: `template_chunks` is called without keywords at line 13)"
    return head[:-1], head[-1:]


def prefix(system):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    body, tail = template_chunks(system, tokenizer)
    return body + tail


def render_chat(tokenizer, messages, **kwargs):
    # a wrapper that returns its render as it is, with the keywords its callers give it
    return tokenizer.apply_chat_template(messages, **kwargs)


def prompt_ids(tokenizer, messages):
    ids = render_chat(tokenizer, messages, tokenize=True, add_generation_prompt=True)  # expect: CL005 "through the wrapper `render_chat`"
    return ids[-2048:]


def apply_template(tokenizer, **kw):
    # everything the caller passes, the conversation too, handed on as it is (and again without a keyword old
    # tokenizers refuse)
    try:
        return tokenizer.apply_chat_template(**kw)
    except TypeError:
        kw.pop("enable_thinking", None)
        return tokenizer.apply_chat_template(**kw)


def cached_prompt(tokenizer, messages):
    tokens = list(apply_template(tokenizer, conversation=messages, tokenize=True, add_generation_prompt=True))  # expect: CL005 "through the wrapper `apply_template`"
    return tokens[:-1]
