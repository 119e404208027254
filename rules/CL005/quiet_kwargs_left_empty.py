# The twins: the calls of the module fill the `**kwargs` (with `return_dict=False`, or with a mapping that may
# hold it), or no call of the module shows what the mapping holds.
from transformers import AutoTokenizer


def template_chunks(system, tokenizer, **kwargs):
    head = tokenizer.apply_chat_template([{"role": "system", "content": system}], **kwargs)
    return head[:-1], head[-1:]


def listed_chunks(system, tokenizer, **kwargs):
    head = tokenizer.apply_chat_template([{"role": "system", "content": system}], **kwargs)
    return head[:-1], head[-1:]


def opaque_chunks(system, tokenizer, **kwargs):
    head = tokenizer.apply_chat_template([{"role": "system", "content": system}], **kwargs)
    return head[:-1], head[-1:]


def prefix(system, options):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    body, tail = template_chunks(system, tokenizer, return_dict=False)
    more, end = listed_chunks(system, tokenizer, **options)
    return body + tail + more + end


def render_chat(tokenizer, messages, **kwargs):
    return tokenizer.apply_chat_template(messages, **kwargs)


def render_chat_as_text(tokenizer, messages, **kwargs):
    return tokenizer.apply_chat_template(messages, tokenize=False, **kwargs)


def prompt_ids(tokenizer, messages, options):
    ids = render_chat(tokenizer, messages, add_generation_prompt=True, return_dict=False)
    text = render_chat(tokenizer, messages, tokenize=False, add_generation_prompt=True)
    more = render_chat(tokenizer, messages, **options)
    prompt = render_chat_as_text(tokenizer, messages, add_generation_prompt=True)
    return ids[-2048:], text[-2048:], more[-2048:], prompt[-2048:]


def apply_template(tokenizer, **kw):
    try:
        return tokenizer.apply_chat_template(**kw)
    except TypeError:
        kw.pop("enable_thinking", None)
        return tokenizer.apply_chat_template(**kw)


def cached_prompt(tokenizer, messages):
    tokens = list(apply_template(tokenizer, conversation=messages, add_generation_prompt=True, return_dict=False))
    text = apply_template(tokenizer, conversation=messages, tokenize=False, add_generation_prompt=True)
    return tokens[:-1], text[-100:]
