# Template keyword arguments read from the data (`**example.get("chat_template_kwargs", {})`) carry template
# variables (tools, a thinking switch), not `tokenize` or `return_dict`: the call still returns a `BatchEncoding`.


def prompt_length(example, tokenizer):
    prompt_ids = tokenizer.apply_chat_template(  # expect: CL005 "its result is used as a list of ids: `len(prompt_ids)`"
        example["messages"][:-1], add_generation_prompt=True, **example.get("chat_template_kwargs", {})
    )
    return len(prompt_ids)


def prompt_length_named(example, tokenizer):
    template_kwargs = example.get("chat_template_kwargs") or {}
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True, **template_kwargs)  # expect: CL005 "`len(prompt_ids)`"
    return len(prompt_ids)


def to_rows(batch, tokenizer):
    # a batched `.map` function: one row's template variables at a time
    rows = []
    for index, options in enumerate(batch["chat_template_kwargs"]):
        rows.append({"input_ids": tokenizer.apply_chat_template(batch["messages"][index], **(options or {}))})  # expect: CL005 "`{'input_ids': ...}`"
    return rows


def row_ids(row, tokenizer):
    return {"input_ids": tokenizer.apply_chat_template(row["messages"], **row["chat_template_kwargs"])}  # expect: CL005 "`{'input_ids': ...}`"


class Generator:
    # a configuration's `chat_template_kwargs` holds the template's variables too (`enable_thinking`)
    def __init__(self, tokenizer, cfg):
        self.tokenizer, self.cfg = tokenizer, cfg

    def prompt_ids(self, chat):
        ids = self.tokenizer.apply_chat_template(chat, add_generation_prompt=True, tokenize=True, **self.cfg.chat_template_kwargs)  # expect: CL005 "`len(ids)`"
        return ids, len(ids)
