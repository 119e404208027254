# Quiet: the check says the conversation ends with the user's turn (a prompt, rendered for generation), a
# conversation checked to end with the reply and rendered without the generation prompt, a guard that does not
# raise (it only warns), and a check of another list than the one rendered.
import warnings


def ensure_prompt(conv):
    if conv[-1]["role"] != "user":
        raise ValueError("expected a prompt")


def prompt_for_generation(tokenizer, conv):
    ensure_prompt(conv)
    return tokenizer.apply_chat_template(conv, tokenize=False, add_generation_prompt=True)


def full_text(tokenizer, conv):
    if conv[-1]["role"] != "assistant":
        raise ValueError("expected the reply last")
    return tokenizer.apply_chat_template(conv, tokenize=False)


def warned(tokenizer, conv):
    if conv[-1]["role"] != "assistant":
        warnings.warn("no reply")
    return tokenizer.apply_chat_template(conv, tokenize=False, add_generation_prompt=True)


def other_list(tokenizer, history, conv):
    if history[-1]["role"] != "assistant":
        raise ValueError("history must end with a reply")
    return tokenizer.apply_chat_template(conv, tokenize=False, add_generation_prompt=True)
