# The twins of flag_inherited_tokenizing_helpers.py: the inherited helper tokenizes without special tokens, or the
# subclass overrides it with one that does.


class TrainingDataset:
    def __init__(self, tokenizer, rows):
        self.tokenizer = tokenizer
        self.rows = rows

    def _tokenize(self, text):
        return self.tokenizer(text, return_tensors="pt")

    def _encode_rendered(self, text):
        return self.tokenizer(text, add_special_tokens=False, return_tensors="pt")


class ChatDataset(TrainingDataset):
    def __getitem__(self, index):
        text = self.tokenizer.apply_chat_template(self.rows[index]["messages"], tokenize=False)
        return self._encode_rendered(text)


class RenderedChatDataset(TrainingDataset):
    def _tokenize(self, text):
        return self.tokenizer(text, add_special_tokens=False, return_tensors="pt")

    def __getitem__(self, index):
        text = self.tokenizer.apply_chat_template(self.rows[index]["messages"], tokenize=False)
        return self._tokenize(text)


class PromptTokenizer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def _tokenize(self, text, strip_bos_token=False):
        result = self.tokenizer(text, truncation=True)
        if strip_bos_token and result["input_ids"][0] == self.tokenizer.bos_token_id:
            result["input_ids"] = result["input_ids"][1:]
        return result


class InstructionTokenizer(PromptTokenizer):
    def tokenize_pair(self, prompt, response):
        # the response's ids come without the BOS the inherited helper added: appended after the prompt's, no BOS
        # lands in the middle
        tokenized = self._tokenize(prompt)
        tokenized["input_ids"] += self._tokenize(response, strip_bos_token=True)["input_ids"]
        return tokenized
