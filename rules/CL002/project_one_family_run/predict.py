# Inference helper: the model and processor come from its caller. The run loads only Qwen2.5-VL, whose template
# writes no BOS, so the processor's special tokens add the only one there is (none).
from chat_format import render, to_messages


def answer(model, processor, image, question, max_new_tokens=64):
    prompt = render(processor, to_messages(question), add_generation_prompt=True)
    inputs = processor(text=[prompt], images=[image], return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=max_new_tokens)
    return processor.batch_decode(output[:, inputs["input_ids"].shape[1] :], skip_special_tokens=True)[0]
