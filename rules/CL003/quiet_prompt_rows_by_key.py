# Prompts of preference rows rendered with the generation prompt, or continuing a prefilled reply; and rows that are
# not preference or prompt-completion rows.
def preference_row(tokenizer, comparison):
    prompt = tokenizer.apply_chat_template(comparison["context"], tokenize=False, add_generation_prompt=True)
    return {"prompt": prompt, "chosen": comparison["better"], "rejected": comparison["worse"]}


def prefilled_row(tokenizer, comparison):
    prompt = tokenizer.apply_chat_template(comparison["context"], tokenize=False, continue_final_message=True)
    return {"prompt": prompt, "chosen": comparison["better"], "rejected": comparison["worse"]}


def render_turns(tokenizer, turns, add_generation_prompt=False):
    return tokenizer.apply_chat_template(list(turns), tokenize=False, add_generation_prompt=add_generation_prompt)


def completion_row(tokenizer, example):
    return {"prompt": render_turns(tokenizer, example["history"], add_generation_prompt=True), "completion": example["answer"]}


def text_row(tokenizer, example):
    return {"prompt": render_turns(tokenizer, example["messages"]), "source": example["source"]}
