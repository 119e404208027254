# The `prompt` of a preference row is a prompt whatever the code shows of how its conversation ends: rendered
# without the generation prompt, the assistant header lands in the completion.
def preference_row(tokenizer, comparison):
    prompt = tokenizer.apply_chat_template(comparison["context"], tokenize=False)  # expect: CL003 "renders `comparison[\"context\"]`, without `add_generation_prompt=True`, and it is the `prompt` of the row"
    return {"prompt": prompt, "chosen": comparison["better"], "rejected": comparison["worse"]}


def render_turns(tokenizer, turns, add_generation_prompt=False):
    return tokenizer.apply_chat_template(list(turns), tokenize=False, add_generation_prompt=add_generation_prompt)


def completion_row(tokenizer, example):
    return {
        "prompt": render_turns(tokenizer, example["history"]),  # expect: CL003 "through the wrapper `render_turns`"
        "completion": example["answer"],
    }
