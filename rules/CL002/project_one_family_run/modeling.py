# The one model the project fine-tunes, loaded in one place.
from transformers import AutoProcessor, Qwen2_5_VLForConditionalGeneration

from chat_format import MODEL_ID


def load_model_and_processor():
    processor = AutoProcessor.from_pretrained(MODEL_ID)
    model = Qwen2_5_VLForConditionalGeneration.from_pretrained(MODEL_ID)
    return model, processor
