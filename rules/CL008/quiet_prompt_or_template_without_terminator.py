# Prompts (the reply comes later), and a template the code installs that writes no terminator.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("my-org/base-model")
tokenizer.chat_template = "{% for message in messages %}{{ message['role'] }}: {{ message['content'] }}\n{% endfor %}"


def plain_template(example):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False) + tokenizer.eos_token}


def prompt_then_reply(example):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    return {"prompt": prompt, "completion": example["reply"] + tokenizer.eos_token}


def generation_prompt(example):
    return tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=True) + tokenizer.eos_token


def continued(example):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False, continue_final_message=True)
    return text + tokenizer.eos_token


def prompt_slice(example):
    return tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False) + tokenizer.eos_token


def eos_elsewhere(example):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return {"text": text, "stop": tokenizer.eos_token}
