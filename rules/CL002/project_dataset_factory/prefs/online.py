def iterate_batches(dataset, batch_size):
    for start in range(0, len(dataset) - batch_size + 1, batch_size):
        batch = [dataset[j] for j in range(start, start + batch_size)]
        questions = [row["question"] for row in batch]
        prompt_texts = [row["prompt_text"] for row in batch]
        yield questions, prompt_texts


def first_pair_ids(tokenizer, dataset, completion):
    text = dataset[0]["prompt_text"] + completion
    return tokenizer.encode(text)  # expect: CL002 "in column `prompt_text` of the rows `PromptDataset.process` returns"


def train(model, tokenizer, dataset, completions, steps=10):
    for _, batch in zip(range(steps), iterate_batches(dataset, 4)):
        questions, prompt_texts = batch
        chosen = []
        for prompt_text, completion in zip(prompt_texts, completions):
            chosen.append(prompt_text + completion)
        tokens = [tokenizer.encode(text) for text in chosen]  # expect: CL002 "in column `prompt_text`"
        model(tokens)


def train_by_steps(model, tokenizer, dataset, completions, steps=10):
    def step(batch, scale):
        questions, prompt_texts = batch
        texts = [text + completion for text, completion in zip(prompt_texts, completions)]
        return model([tokenizer.encode(text) for text in texts]) * scale  # expect: CL002 "in column `prompt_text`"

    for _ in range(steps):
        batch = next(iterate_batches(dataset, 4))
        step(batch, 1.0)
