# A processor's render is text; the imported helper tokenizes it again with special tokens unless the call says
# otherwise.
from transformers import AutoProcessor

from encode import prepare_inputs

processor = AutoProcessor.from_pretrained("meta-llama/Llama-3.2-11B-Vision-Instruct")


def describe(model, image, messages):
    prompt = processor.apply_chat_template(messages, add_generation_prompt=True)
    inputs = prepare_inputs(processor, image, prompt, model.device)  # expect: CL002 "through the helper `prepare_inputs` (encode.py:5)"
    return model.generate(**inputs, max_new_tokens=64)


def describe_off(model, image, messages):
    prompt = processor.apply_chat_template(messages, add_generation_prompt=True)
    inputs = prepare_inputs(processor, image, prompt, model.device, add_special_tokens=False)
    return model.generate(**inputs, max_new_tokens=64)


def caption(model, image, caption_prefix):
    inputs = prepare_inputs(processor, image, caption_prefix, model.device)
    return model.generate(**inputs, max_new_tokens=64)
