# Chat rendering shared by training and evaluation.


def render(processor, messages, add_generation_prompt=False):
    return processor.apply_chat_template(messages, add_generation_prompt=add_generation_prompt, tokenize=False)
