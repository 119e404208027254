# The script's arguments: the column of the rendered text is configurable.
from dataclasses import dataclass


@dataclass
class ScriptArguments:
    model_name_or_path: str = "meta-llama/Meta-Llama-3-8B-Instruct"
    dataset_name: str = "HuggingFaceH4/ultrachat_200k"
    dataset_text_field: str = "text"
    max_seq_length: int = 4096
