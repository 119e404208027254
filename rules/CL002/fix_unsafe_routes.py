# fix: unsafe


def preprocess(data, apply_chat_template=None):
    if apply_chat_template:
        return apply_chat_template(data["messages"], tokenize=False)
    return data["text"]


class PromptDataset:
    def __init__(self, dataset, tokenizer):
        self.tokenizer = tokenizer
        self.prompts = [preprocess(data, tokenizer.apply_chat_template) for data in dataset]

    def __getitem__(self, index):
        return self.tokenizer(self.prompts[index], max_length=1024, truncation=True)

    def _tokenize(self, text):
        return self.tokenizer(text,
                              truncation=True)

    def chosen(self, example):
        text = self.tokenizer.apply_chat_template(example["chosen"], tokenize=False)
        return self._tokenize(text)
