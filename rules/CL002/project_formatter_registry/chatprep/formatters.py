# Formatters chosen by name from the configuration: the chat one renders the conversation into `text`.
from functools import partial

FORMATTERS = {}


def register_formatter(name):
    def decorator(fn):
        FORMATTERS[name] = fn
        return fn

    return decorator


@register_formatter("chat")
def chat_text(example, tokenizer, cfg):
    example["text"] = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return example


@register_formatter("completion")
def completion_text(example, tokenizer, cfg):
    example["text"] = example["prompt"] + example["completion"] + tokenizer.eos_token
    return example


def plain_text(example, tokenizer, cfg):
    return {"text": example["document"]}


def document_text(example, tokenizer, cfg):
    return {"text": example["title"] + "\n\n" + example["document"]}


PLAIN = {"plain": plain_text, "document": document_text}


def add_text_column(dataset, tokenizer, cfg):
    fn = partial(FORMATTERS[cfg.formatter], tokenizer=tokenizer, cfg=cfg)
    return dataset.map(fn, num_proc=cfg.num_proc)


def add_plain_column(dataset, tokenizer, cfg):
    fn = partial(PLAIN[cfg.formatter], tokenizer=tokenizer, cfg=cfg)
    return dataset.map(fn, num_proc=cfg.num_proc)
