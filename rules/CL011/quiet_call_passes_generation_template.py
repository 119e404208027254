# The model's own template has no generation block, but the call renders with one that has it.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
TRAINING_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n"
    "{% if m['role'] == 'assistant' %}{% generation %}{{ m['content'] }}<|im_end|>{% endgeneration %}"
    "{% else %}{{ m['content'] }}<|im_end|>{% endif %}\n{% endfor %}"
)


def encode(conversation):
    return tokenizer.apply_chat_template(
        conversation, chat_template=TRAINING_TEMPLATE, return_dict=True, return_assistant_tokens_mask=True
    )
