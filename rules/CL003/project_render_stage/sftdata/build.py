from datasets import load_dataset
from transformers import AutoTokenizer

from .config import Columns
from .encode import add_token_columns
from .render import add_rendered_columns, add_rendered_columns_with_header


def build(path: str, with_header: bool = False):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    columns = Columns()
    dataset = load_dataset("json", data_files=path, split="train")
    if with_header:
        rendered = add_rendered_columns_with_header(dataset, tokenizer, columns)
        return add_token_columns(rendered, tokenizer, columns)
    rendered = add_rendered_columns(dataset, tokenizer, columns)
    return add_token_columns(rendered, tokenizer, columns)  # expect: CL003 "`add_token_columns` (sftdata/encode.py:11) masks the labels by its length"


def build_from_rendered_files(path: str, tokenizer, columns: Columns):
    # columns rendered elsewhere, loaded from disk: what they hold is not known here
    rendered = load_dataset("json", data_files=path, split="train")
    return add_token_columns(rendered, tokenizer, columns)
