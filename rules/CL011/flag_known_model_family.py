# The module loads a Llama 3 checkpoint, whose official template has no `{% generation %}` block.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def encode(conversation):
    return tokenizer.apply_chat_template(  # expect: CL011 "the module loads a Llama 3 checkpoint, whose official chat template has no `{% generation %}` block"
        conversation, return_dict=True, return_assistant_tokens_mask=True
    )
