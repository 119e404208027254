# Renders a photo question with the processor's chat template, as text.


def build_messages(example):
    return [
        {"role": "user", "content": [{"type": "image"}, {"type": "text", "text": example["question"]}]},
        {"role": "assistant", "content": [{"type": "text", "text": example["answer"]}]},
    ]


def render_full(processor, messages):
    return processor.apply_chat_template(messages, tokenize=False)
