# Fine-tunes the project's one checkpoint; the rows are rendered with the shared formatter.
from datasets import load_dataset
from transformers import AutoProcessor, Qwen2_5_VLForConditionalGeneration

from chat_format import MODEL_ID, render, to_messages


def to_text(example, processor):
    messages = to_messages(example["question"], example["answer"])
    return {"text": render(processor, messages, add_generation_prompt=True)}  # expect: CL001 "`render`"


def main():
    processor = AutoProcessor.from_pretrained(MODEL_ID)
    model = Qwen2_5_VLForConditionalGeneration.from_pretrained(MODEL_ID)
    rows = load_dataset("HuggingFaceM4/ChartQA", split="train")
    return model, rows.map(to_text, fn_kwargs={"processor": processor})
