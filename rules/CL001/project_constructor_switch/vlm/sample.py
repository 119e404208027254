from .collate import PromptBuilder, VisionChatCollator


def sample(model, processor, questions):
    builder = PromptBuilder(processor, add_header=True)
    prompts = [builder.build(question) for question in questions]
    inputs = processor(text=prompts, padding=True, return_tensors="pt", add_special_tokens=False)
    return model.generate(**inputs, max_new_tokens=64)


def eval_collator(processor):
    return VisionChatCollator(processor, append_assistant_header=False)
