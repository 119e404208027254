# Renders each conversation into the column the arguments name.
from datasets import load_dataset


def _render(example, tokenizer, text_field):
    return {text_field: tokenizer.apply_chat_template(example["messages"], tokenize=False)}


def load_chat_dataset(script_args, tokenizer):
    raw = load_dataset(script_args.dataset_name, split="train")
    return raw.map(
        _render,
        fn_kwargs={"tokenizer": tokenizer, "text_field": script_args.dataset_text_field},
        remove_columns=raw.column_names,
    )
