# A configuration that spreads one of two dicts the code shows (`**({...} if quantized else {})`): neither names the
# text field or turns special tokens off, so trl tokenizes the rendered `text` column with special tokens on.
from datasets import Dataset
from trl import SFTConfig, SFTTrainer


def train(model, tokenizer, pairs, quantized=False):
    rows = [
        {"text": tokenizer.apply_chat_template([{"role": "user", "content": q}, {"role": "assistant", "content": a}], tokenize=False)}
        for q, a in pairs
    ]
    args = SFTConfig(output_dir="out", max_length=512, **({"optim": "paged_adamw_8bit"} if quantized else {}))
    trainer = SFTTrainer(model=model, args=args, train_dataset=Dataset.from_list(rows), processing_class=tokenizer)  # expect: CL002 "`SFTTrainer` tokenizes column `text`"
    trainer.train()
