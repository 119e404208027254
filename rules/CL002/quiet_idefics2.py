# Idefics2's chat template writes no BOS (each message starts with its role: `User:`), so its processor adding one
# when it tokenizes the rendered text gives the single BOS the model was trained with.
from transformers import AutoProcessor, Idefics2ForConditionalGeneration

CHECKPOINT = "HuggingFaceM4/idefics2-8b"


def describe(images, question):
    processor = AutoProcessor.from_pretrained(CHECKPOINT)
    model = Idefics2ForConditionalGeneration.from_pretrained(CHECKPOINT)
    messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
    prompt = processor.apply_chat_template(messages, add_generation_prompt=True)
    inputs = processor(text=prompt, images=images, return_tensors="pt")
    return model.generate(**inputs, max_new_tokens=64)
