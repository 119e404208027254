# One keywords dict spread into two renders: the prompts', which need the generation prompt, and the training
# texts', full conversations that must not get one. The finding goes to the training render (it needs a value of
# its own), with the dict as a related place and no fix: setting the dict to False would break the prompts.
RENDER_KWARGS = {"tokenize": False, "add_generation_prompt": True}


def prompt_text(tokenizer, prompt_messages):
    return tokenizer.apply_chat_template(prompt_messages, **RENDER_KWARGS)


def training_text(tokenizer, example):
    conversation = example["prompt"] + [{"role": "assistant", "content": example["completion"]}]
    return {"text": tokenizer.apply_chat_template(conversation, **RENDER_KWARGS)}  # expect: CL001 "(set by the `**RENDER_KWARGS`"
