# A helper that tokenizes its prompts chunk by chunk (`prompts[i : i + n]` under a `range()` loop), and a row
# function that returns another row function's row when the example is conversational (`maybe_render`).
def _generate(prompts, model, tokenizer, batch_size=4):
    completions = []
    for start in range(0, len(prompts), batch_size):
        batch = prompts[start : start + batch_size]
        encoded = tokenizer(batch, return_tensors="pt", padding=True)
        completions.extend(model.generate(**encoded))
    return completions


def log_completions(model, tokenizer, rows):
    prompts = [tokenizer.apply_chat_template(row["prompt"], tokenize=False, add_generation_prompt=True) for row in rows]
    return _generate(prompts, model, tokenizer)  # expect: CL002 "through the helper `_generate`"


def render(example, tokenizer):
    return {"prompt": tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)}


def maybe_render(example, tokenizer):
    if isinstance(example["prompt"], list):
        return render(example, tokenizer)
    return example


def encode(example, tokenizer):
    prompt = maybe_render(example, tokenizer)["prompt"]
    return tokenizer(prompt)  # expect: CL002 "in the row `render(example, tokenizer)` returns"
