def iterate_batches(dataset, batch_size):
    for start in range(0, len(dataset) - batch_size + 1, batch_size):
        batch = [dataset[j] for j in range(start, start + batch_size)]
        yield [row["question"] for row in batch], [row["prompt_text"] for row in batch]


def train(model, tokenizer, dataset, answers, steps=10):
    for _, batch in zip(range(steps), iterate_batches(dataset, 4)):
        questions, prompt_texts = batch
        # the raw question, which no dataset class renders: one BOS
        model([tokenizer.encode(question + answer) for question, answer in zip(questions, answers)])
        # the rendered prompt, tokenized without special tokens: its own BOS only
        model([tokenizer.encode(text + answer, add_special_tokens=False) for text, answer in zip(prompt_texts, answers)])
