# The module installs its own chat template, which writes no BOS: the tokenizer's BOS is the only one.

LLAVA_CHAT_TEMPLATE = (
    "{% for message in messages %}{% if message['role'] == 'user' %}USER: {% else %}ASSISTANT: {% endif %}"
    "{{ message['content'] }}{% if message['role'] == 'user' %} {% else %}{{ eos_token }}{% endif %}{% endfor %}"
)


def main(processor):
    processor.tokenizer.chat_template = LLAVA_CHAT_TEMPLATE

    def collate(examples):
        texts = [processor.tokenizer.apply_chat_template(example["messages"], tokenize=False) for example in examples]
        images = [example["images"][0] for example in examples]
        return processor(texts, images, return_tensors="pt", padding=True)

    return collate
