# A module of a project's Unsloth backend (its folder is named for it): it runs with Unsloth imported, whose patched
# `SFTTrainer` sees the BOS the rendered texts start with and tokenizes them without special tokens. (Unsloth is
# imported where the backend is chosen, `import unsloth` in a check of whether it is installed.)
from datasets import load_dataset
from trl import SFTConfig, SFTTrainer


class UnslothSFTBackend:
    @classmethod
    def is_available(cls):
        try:
            import unsloth  # noqa: F401

            return True
        except ImportError:
            return False

    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def train(self, path):
        def formatting_prompts_func(examples):
            texts = [self.tokenizer.apply_chat_template(m, tokenize=False) for m in examples["messages"]]
            return {"text": texts}

        dataset = load_dataset("json", data_files=path, split="train").map(formatting_prompts_func, batched=True)
        trainer = SFTTrainer(model=self.model, processing_class=self.tokenizer, train_dataset=dataset, args=SFTConfig())
        return trainer.train()
