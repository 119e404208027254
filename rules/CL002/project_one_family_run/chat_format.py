# Chat formatting shared by training and inference, for the one model the project fine-tunes.
MODEL_ID = "Qwen/Qwen2.5-VL-3B-Instruct"


def to_messages(question, answer=None):
    messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
    if answer is not None:
        messages.append({"role": "assistant", "content": [{"type": "text", "text": answer}]})
    return messages


def render(processor, messages, add_generation_prompt=False):
    return processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)
