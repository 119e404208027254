# The twins: the BOS taken off each rendered text by its literal token before the tokenizer adds its own (Llama 3's
# `<|begin_of_text|>`, DeepSeek's), or the texts tokenized with special tokens off.


def collate(tokenizer, batch):
    texts = []
    for messages in batch:
        text = tokenizer.apply_chat_template(messages, add_generation_prompt=False, tokenize=False)
        text = text.replace("<|begin_of_text|>", "")
        texts.append(text)
    return tokenizer(texts, truncation=True, return_tensors="pt", padding=True)


def encode(tokenizer, messages):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False)
    prompt = prompt.replace("<｜begin▁of▁sentence｜>", "")
    return tokenizer.encode(prompt + "\n<|Assistant|>: ")


def tokenize_batch(tokenizer, batch_messages, reply_starts):
    texts = tokenizer.apply_chat_template(batch_messages, add_generation_prompt=True, tokenize=False)
    texts = [text + start for (text, start) in zip(texts, reply_starts)]
    return tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False)
