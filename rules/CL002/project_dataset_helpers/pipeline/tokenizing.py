# Maps a row tokenizer over the dataset it is given: special tokens on (the first), or off (the second).


def _encode(batch, tok, max_len):
    out = tok(batch["formatted"], truncation=True, max_length=max_len)
    out["labels"] = [list(ids) for ids in out["input_ids"]]
    return out


def _encode_plain(batch, tok, max_len):
    return tok(batch["formatted"], truncation=True, max_length=max_len, add_special_tokens=False)


def encode_dataset(ds, tok, max_len=2048):
    return ds.map(_encode, batched=True, fn_kwargs={"tok": tok, "max_len": max_len})


def encode_dataset_plain(ds, tok, max_len=2048):
    return ds.map(_encode_plain, batched=True, fn_kwargs={"tok": tok, "max_len": max_len})


def encode_column(ds, tok, column, max_len=2048):
    # the caller names the column; the function that tokenizes it is nested here
    def _encode_rows(batch):
        return tok(batch[column], truncation=True, max_length=max_len)

    return ds.map(_encode_rows, batched=True)


def pack_dataset(ds, tok, text_field="formatted", max_len=2048):
    # the dataset rebound as it goes through its stages; the column read into a name first
    def tokenize_batch(batch):
        texts = batch[text_field]
        return {"input_ids": tok(texts, add_special_tokens=True)["input_ids"]}

    ds = ds.map(tokenize_batch, batched=True, remove_columns=ds.column_names)
    ds = ds.filter(lambda row: len(row["input_ids"]) <= max_len)
    return ds
