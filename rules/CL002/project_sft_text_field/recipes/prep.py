# Chat rows rendered to text for the trainer (`formatted`), and plain text next to them (`raw`).


def as_text(record, tokenizer):
    return {
        "formatted": tokenizer.apply_chat_template(record["messages"], tokenize=False),
        "raw": record["messages"][-1]["content"],
    }
