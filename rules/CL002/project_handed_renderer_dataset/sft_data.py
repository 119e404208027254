from datasets import load_dataset


def load_rendered_dataset(path, renderer):
    raw = load_dataset("json", data_files=path, split="train")

    def to_text(example):
        return {"text": renderer.render(example["messages"], tools=example.get("tools"))}

    return raw.map(to_text, remove_columns=raw.column_names)
