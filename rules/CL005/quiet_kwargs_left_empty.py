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
