# A tokenizing stage that reads the configured column into a name first; the dataset is the rendered one.
from .config import ScriptArguments
from .data import load_chat_dataset


class TokenizeStage:
    def __init__(self, args: ScriptArguments, tokenizer):
        self.args = args
        self.tokenizer = tokenizer

    def run(self):
        dataset = load_chat_dataset(self.args, self.tokenizer)
        text_field = self.args.dataset_text_field

        def tokenize(batch):
            return self.tokenizer(batch[text_field], truncation=True)  # expect: CL002 "`text_field` is"

        return dataset.map(tokenize, batched=True)
