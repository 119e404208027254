# Findings silenced on purpose with `# noqa`.


def known_and_accepted(tokenizer, example):
    ids = tokenizer.apply_chat_template(example["messages"], add_generation_prompt=True, return_dict=False)  # noqa: CL001
    return {"input_ids": ids, "labels": ids}


def bare_noqa(tokenizer, example):
    ids = tokenizer.apply_chat_template(example["messages"], add_generation_prompt=True)  # noqa
    return {"input_ids": ids, "labels": ids}
