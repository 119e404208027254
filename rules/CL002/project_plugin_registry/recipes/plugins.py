"""Preprocessors, registered by name."""

PREPROCESSORS = {}


def preprocessor(name):
    def register(factory):
        PREPROCESSORS[name] = factory
        return factory

    return register


@preprocessor("chat")
def chat_text(tokenizer, data_cfg):
    def render(example):
        return {data_cfg.text_field: tokenizer.apply_chat_template(example["messages"], tokenize=False)}

    return render


@preprocessor("plain")
def plain_text(tokenizer, data_cfg):
    def render(example):
        return {data_cfg.text_field: example["text"].strip()}

    return render


def chat_row(example, tokenizer):
    return {"prompt": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


def summary_row(example, tokenizer):
    return {"summary": example["document"][:200]}


ROW_FUNCTIONS = {"chat": chat_row, "summary": summary_row}
