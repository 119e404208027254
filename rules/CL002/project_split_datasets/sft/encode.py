def _encode_rows(rows, tokenizer, text_field, max_len):
    return tokenizer(rows[text_field], truncation=True, max_length=max_len)


def _encode_rows_plain(rows, tokenizer, text_field, max_len):
    return tokenizer(rows[text_field], truncation=True, max_length=max_len, add_special_tokens=False)


def encode_dataset(ds, tokenizer, text_field, max_len=2048):
    kwargs = {"tokenizer": tokenizer, "text_field": text_field, "max_len": max_len}
    return ds.map(_encode_rows, batched=True, fn_kwargs=kwargs, remove_columns=[text_field])


def encode_rendered(ds, tokenizer, text_field, max_len=2048):
    return ds.map(
        _encode_rows_plain,
        batched=True,
        fn_kwargs={"tokenizer": tokenizer, "text_field": text_field, "max_len": max_len},
        remove_columns=[text_field],
    )
