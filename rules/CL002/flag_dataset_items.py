# A dataset whose items are rendered prompts, read item by item and tokenized again with special tokens.
from torch.utils.data import Dataset


class ChatPrompts(Dataset):
    def __init__(self, conversations, tokenizer):
        self.texts = []
        for conversation in conversations:
            self.texts.append(tokenizer.apply_chat_template(conversation[:-1], tokenize=False, add_generation_prompt=True))

    def __len__(self):
        return len(self.texts)

    def __getitem__(self, index):
        return self.texts[index]


def encode_prompts(conversations, tokenizer):
    encoded = []
    for prompt in ChatPrompts(conversations, tokenizer):
        encoded.append(tokenizer(prompt)["input_ids"])  # expect: CL002 "stored in `self.texts`, returned by `ChatPrompts.__getitem__`"
    return encoded


def first_prompt(conversations, tokenizer):
    prompts = ChatPrompts(conversations, tokenizer)
    return tokenizer.encode(prompts[0])  # expect: CL002 "returned by `ChatPrompts.__getitem__`"


def score_prompts(model, tokenizer, dataset):
    scores = []
    for prompt in dataset:
        scores.append(model(**tokenizer(prompt, return_tensors="pt")).logits)  # expect: CL002 "passed as `dataset` to `score_prompts`"
    return scores


def main(conversations, model, tokenizer):
    prompts = ChatPrompts(conversations, tokenizer)
    return score_prompts(model, tokenizer, prompts)
