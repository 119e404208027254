# A template with a generation block, and templates the code does not show.
from transformers import AutoTokenizer

TEMPLATE = (
    "{% for m in messages %}{% if m['role'] == 'assistant' %}<|assistant|>\n"
    "{% generation %}{{ m['content'] }}{{ eos_token }}{% endgeneration %}"
    "{% else %}<|{{ m['role'] }}|>\n{{ m['content'] }}{% endif %}{% endfor %}"
)
tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
tokenizer.chat_template = TEMPLATE


def encode(conversation):
    return tokenizer.apply_chat_template(conversation, return_dict=True, return_assistant_tokens_mask=True)
