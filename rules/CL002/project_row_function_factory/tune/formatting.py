# Formatters for `Dataset.map`, made for a tokenizer.


def make_formatter(tokenizer):
    def to_text(example):
        return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}

    return to_text
