from .online import iterate_batches


def replay(model, tokenizer, dataset, completions):
    # the batches another trainer's generator yields: their second item holds the rendered prompts
    for questions, prompt_texts in iterate_batches(dataset, 4):
        full = [text + completion for text, completion in zip(prompt_texts, completions)]
        model([tokenizer.encode(text) for text in full])  # expect: CL002 "yielded by `iterate_batches`"
