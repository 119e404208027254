# Plain-text and chat corpora in one `text` column.
from datasets import concatenate_datasets, interleave_datasets, load_dataset


def render_chat(example, tokenizer):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


def load_mixture(text_corpora, chat_corpora, tokenizer, chat_fraction=0.2):
    text_parts = [load_dataset(name, split="train").select_columns(["text"]) for name in text_corpora]
    chat_parts = []
    for name in chat_corpora:
        rows = load_dataset(name, split="train")
        rows = rows.map(render_chat, fn_kwargs={"tokenizer": tokenizer}, remove_columns=rows.column_names)
        chat_parts.append(rows)
    plain = concatenate_datasets(text_parts)
    chats = concatenate_datasets(chat_parts)
    return interleave_datasets([plain, chats], probabilities=[1 - chat_fraction, chat_fraction], seed=0)
