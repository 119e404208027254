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


def _score(texts, model, tokenizer, batch_size=16):
    # chunks numbered by the loop: `texts[i * n : (i + 1) * n]` under `for i in tqdm(range(n_batches))`
    from tqdm import tqdm

    scores = []
    for i in tqdm(range((len(texts) + batch_size - 1) // batch_size)):
        batch = texts[i * batch_size : (i + 1) * batch_size]
        scores.extend(model(**tokenizer(batch, return_tensors="pt", padding=True)).logits)
    return scores


def label_rewards(model, tokenizer, conversations):
    texts = [tokenizer.apply_chat_template(conversation, tokenize=False) for conversation in conversations]
    return _score(texts, model, tokenizer)  # expect: CL002 "through the helper `_score`"
