# The twin of flag_sft_trainer_subclass.py: the subclass prepares its dataset itself (tokenizing the renders
# without special tokens), so what trl would do with the texts is not what happens.
from transformers import AutoTokenizer
from trl import SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


class PretokenizedTrainer(SFTTrainer):
    def _prepare_dataset(self, dataset, processing_class, args, packing, formatting_func, dataset_name):
        def tokenize(batch):
            return processing_class(formatting_func(batch), add_special_tokens=False)

        return dataset.map(tokenize, batched=True, remove_columns=dataset.column_names)


def formatting_prompts_func(batch):
    return [tokenizer.apply_chat_template(messages, tokenize=False) for messages in batch["messages"]]


def train(model, dataset):
    trainer = PretokenizedTrainer(
        model=model, train_dataset=dataset, formatting_func=formatting_prompts_func, processing_class=tokenizer
    )
    trainer.train()
