from transformers import AutoProcessor


def load_processor(checkpoint: str):
    processor = AutoProcessor.from_pretrained(checkpoint)
    processor.tokenizer.pad_token = processor.tokenizer.eos_token
    return processor


def load_processor_with_pad(checkpoint: str):
    processor = AutoProcessor.from_pretrained(checkpoint)
    processor.tokenizer.add_special_tokens({"pad_token": "<|finetune_right_pad_id|>"})
    return processor
