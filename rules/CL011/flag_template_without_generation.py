# Assistant masks asked of a template the module installs, which has no `{% generation %}` block.
from trl import SFTConfig

CHAT_TEMPLATE = "{% for m in messages %}<|{{ m['role'] }}|>\n{{ m['content'] }}{{ eos_token }}\n{% endfor %}"


def setup(tokenizer):
    tokenizer.chat_template = CHAT_TEMPLATE
    return SFTConfig(output_dir="out", assistant_only_loss=True)  # expect: CL011 "`assistant_only_loss=True` trains only on the tokens the chat template marks as the assistant's, but the template the module installs (line 8"


def encode(tokenizer, conversation):
    return tokenizer.apply_chat_template(conversation, return_dict=True, return_assistant_tokens_mask=True)  # expect: CL011 "every assistant mask comes back all zeros"


def passed_to_the_call(tokenizer, conversation):
    return tokenizer.apply_chat_template(  # expect: CL011 "the template it passes (`chat_template=CHAT_TEMPLATE`) has no `{% generation %}` block"
        conversation, chat_template=CHAT_TEMPLATE, return_dict=True, return_assistant_tokens_mask=True
    )
