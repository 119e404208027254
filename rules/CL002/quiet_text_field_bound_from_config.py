# The name is bound to the configured field and then rebound whatever the columns are: which column it names, the
# code does not say; and a configured field whose default is another column than the one rendered.
from dataclasses import dataclass

from transformers import AutoTokenizer


@dataclass
class SFTArguments:
    model_name_or_path: str = "meta-llama/Meta-Llama-3-8B-Instruct"
    dataset_text_field: str = "text"
    source_text_field: str = "document"


def to_text(example, tokenizer):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


class Trainer:
    def __init__(self, args: SFTArguments):
        self.args = args
        self.tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)

    def prepare(self, dataset, column):
        dataset = dataset.map(lambda ex: to_text(ex, self.tokenizer))
        text_field = self.args.dataset_text_field
        if column:
            text_field = column

        def tokenize(batch):
            return self.tokenizer(batch[text_field], truncation=True)

        return dataset.map(tokenize, batched=True)

    def prepare_sources(self, dataset):
        dataset = dataset.map(lambda ex: to_text(ex, self.tokenizer))
        source_field = self.args.source_text_field

        def tokenize(batch):
            return self.tokenizer(batch[source_field], truncation=True)

        return dataset.map(tokenize, batched=True)
