# Builds datasets of rendered conversations: the `formatted` column holds text that already starts with the BOS
# of a template that writes one.
from datasets import load_dataset


def _format(row, tok):
    return {"formatted": tok.apply_chat_template(row["conversation"], tokenize=False)}


def rendered_split(path, split, tok):
    ds = load_dataset("json", data_files=path, split=split)
    return ds.map(_format, fn_kwargs={"tok": tok}, remove_columns=["conversation"])


def plain_split(path, split):
    # pretraining documents: a `formatted` column that was never rendered
    return load_dataset("json", data_files=path, split=split)
