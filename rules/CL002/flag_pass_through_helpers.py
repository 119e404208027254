# Helpers that hand back the text they are given, its start kept (an EOS or a suffix added, whitespace trimmed):
# a render passed through them still starts with the template's BOS.


def add_eos(text, eos_token):
    return text + eos_token


def tidy(text):
    return text.strip()


def encode_example(tokenizer, messages):
    text = add_eos(tokenizer.apply_chat_template(messages, tokenize=False), tokenizer.eos_token)
    return tokenizer(text, truncation=True)  # expect: CL002 "returned by `add_eos`"


def encode_prompt(tokenizer, messages):
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
    return tokenizer.encode(tidy(prompt))  # expect: CL002 "returned by `tidy`"
