# Prompts for the completion server: the generation prompt is what the server answers after.
from .settings import PROMPT_KWARGS


def server_prompt(tokenizer, question):
    messages = [{"role": "user", "content": question}]
    return tokenizer.apply_chat_template(messages, **PROMPT_KWARGS)
