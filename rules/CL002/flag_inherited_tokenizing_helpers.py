# A dataset class renders a conversation and hands the text to a helper it inherits from a base class of the module,
# which tokenizes it with special tokens (the tokenizer's default): a second BOS for templates that write one.


class TrainingDataset:
    def __init__(self, tokenizer, rows, max_length=2048):
        self.tokenizer = tokenizer
        self.rows = rows
        self.max_length = max_length

    def _tokenize(self, text, add_eos=True):
        if add_eos and not text.endswith(self.tokenizer.eos_token):
            text = text + self.tokenizer.eos_token
        return self.tokenizer(text, max_length=self.max_length, truncation=True, return_tensors="pt")


class ChatDataset(TrainingDataset):
    def __getitem__(self, index):
        text = self.tokenizer.apply_chat_template(self.rows[index]["messages"], tokenize=False)
        encoded = self._tokenize(text)  # expect: CL002 "through the helper `TrainingDataset._tokenize`"
        encoded["labels"] = encoded["input_ids"].clone()
        return encoded


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
        # the response tokenized through the inherited helper without asking it to drop its BOS
        tokenized = self._tokenize(prompt)
        tokenized["input_ids"] += self._tokenize(response)["input_ids"]  # expect: CL002 "its BOS lands in the middle"
        return tokenized
