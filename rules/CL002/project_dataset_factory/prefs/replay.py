from .online import iterate_batches


def replay(model, tokenizer, dataset, completions):
    # the batches another trainer's generator yields: their second item holds the rendered prompts
    for questions, prompt_texts in iterate_batches(dataset, 4):
        full = [text + completion for text, completion in zip(prompt_texts, completions)]
        model([tokenizer.encode(text) for text in full])  # expect: CL002 "yielded by `iterate_batches`"


def replay_steps(model, tokenizer, dataset, completions, steps=10):
    for _, (questions, prompt_texts) in zip(range(steps), iterate_batches(dataset, 4)):
        model([tokenizer.encode(text + completions[0]) for text in prompt_texts])  # expect: CL002 "yielded by `iterate_batches`"
