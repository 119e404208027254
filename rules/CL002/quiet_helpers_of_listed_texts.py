# The same helpers given plain texts, or tokenizing without special tokens; a helper whose list of texts mixes
# another source in; a dataset of the module's own walked by a helper (judged where the helper tokenizes, see
# flag_dataset_items.py), here of plain questions.


def encode_pairs(tokenizer, prompt_texts, completions):
    return [tokenizer.encode(prompt + completion) for prompt, completion in zip(prompt_texts, completions)]


def encode_without_bos(tokenizer, prompt_texts, completions):
    return [
        tokenizer.encode(prompt + completion, add_special_tokens=False)
        for prompt, completion in zip(prompt_texts, completions)
    ]


def encode_mixed(tokenizer, prompt_texts, extra):
    texts = []
    for prompt_text in prompt_texts:
        texts.append(prompt_text)
    texts.append(extra)
    return [tokenizer.encode(text) for text in texts]


def step(tokenizer, conversations, completions, questions):
    prompt_texts = [
        tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        for conversation in conversations
    ]
    plain = encode_pairs(tokenizer, questions, completions)
    kept = encode_without_bos(tokenizer, prompt_texts, completions)
    return plain, kept, encode_mixed(tokenizer, questions, "Answer briefly.")


def encode_all(tokenizer, texts):
    encoded = []
    for text in texts:
        encoded.append(tokenizer(text, return_tensors="pt"))
    return encoded


def encode_all_without_bos(tokenizer, texts):
    return [tokenizer(text, add_special_tokens=False)["input_ids"] for text in texts]


class Questions:
    def __init__(self, rows):
        self.rows = rows

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        return self.rows[index]["question"]


def sample(tokenizer, conversations, rows):
    prompt_texts = [
        tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        for conversation in conversations
    ]
    plain = encode_all(tokenizer, [row["question"] for row in rows])
    return plain, encode_all_without_bos(tokenizer, prompt_texts), encode_all(tokenizer, Questions(rows))
