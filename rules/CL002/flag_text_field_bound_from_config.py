# A trainer reads the configured text column into a name (`text_field = self.args.dataset_text_field`), falling
# back to another column only when that one is missing; the rendered `text` column is there, so the nested row
# tokenizer reads the render and adds a second BOS.
from dataclasses import dataclass

from transformers import AutoTokenizer


@dataclass
class SFTArguments:
    model_name_or_path: str = "meta-llama/Meta-Llama-3-8B-Instruct"
    dataset_text_field: str = "text"
    max_seq_length: int = 2048


def to_text(example, tokenizer):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


class Trainer:
    def __init__(self, args: SFTArguments):
        self.args = args
        self.tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)

    def prepare(self, dataset):
        dataset = dataset.map(lambda ex: to_text(ex, self.tokenizer))
        text_field = self.args.dataset_text_field
        if text_field not in dataset.column_names:
            text_field = dataset.column_names[0]

        def tokenize(batch):
            return self.tokenizer(batch[text_field], truncation=True, max_length=self.args.max_seq_length)  # expect: CL002 "`text_field` is"

        return dataset.map(tokenize, batched=True)
