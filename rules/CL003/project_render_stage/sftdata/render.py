from .config import Columns


def render_row(example, tokenizer, columns: Columns):
    conversation = example[columns.messages]
    return {
        columns.prompt_text: tokenizer.apply_chat_template(conversation[:-1], tokenize=False),
        columns.full_text: tokenizer.apply_chat_template(conversation, tokenize=False),
    }


def render_row_with_header(example, tokenizer, columns: Columns):
    conversation = example[columns.messages]
    return {
        columns.prompt_text: tokenizer.apply_chat_template(conversation[:-1], add_generation_prompt=True, tokenize=False),
        columns.full_text: tokenizer.apply_chat_template(conversation, tokenize=False),
    }


def add_rendered_columns(dataset, tokenizer, columns: Columns):
    dataset = dataset.filter(lambda row: row[columns.messages][-1]["role"] == "assistant")
    return dataset.map(render_row, fn_kwargs={"tokenizer": tokenizer, "columns": columns})


def add_rendered_columns_with_header(dataset, tokenizer, columns: Columns):
    return dataset.map(render_row_with_header, fn_kwargs={"tokenizer": tokenizer, "columns": columns})
