# A subclass of trl's `SFTTrainer` that changes the loss leaves the dataset's preparation to trl, which tokenizes
# what the `formatting_func` returns as plain text, with special tokens on: the chat renders get a second BOS.
import torch
from transformers import AutoTokenizer
from trl import SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


class AuxLossTrainer(SFTTrainer):
    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        loss, outputs = super().compute_loss(model, inputs, return_outputs=True)
        loss = loss + 0.01 * torch.stack([p.norm() for p in model.parameters() if p.requires_grad]).sum()
        return (loss, outputs) if return_outputs else loss


def formatting_prompts_func(batch):
    return [tokenizer.apply_chat_template(messages, tokenize=False) for messages in batch["messages"]]


def train(model, dataset):
    trainer = AuxLossTrainer(  # expect: CL002 "`AuxLossTrainer` (an `SFTTrainer`) tokenizes the texts `formatting_func=formatting_prompts_func` returns"
        model=model, train_dataset=dataset, formatting_func=formatting_prompts_func, processing_class=tokenizer
    )
    trainer.train()
