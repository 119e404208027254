from harness.base_task import ChatTask


class MultipleChoice(ChatTask):
    def format_user(self, example):
        return example["question"]

    def encode_batch(self, start, end):
        texts = self.rendered[start:end]
        return self.tokenizer(texts, return_tensors="pt", padding=True)  # expect: CL002 "stored in `self.rendered` by `ChatTask`"

    def encode_query(self):
        return self.tokenizer(self.query, return_tensors="pt")  # expect: CL002 "stored in `self.query` by `ChatTask`"


class MultipleChoiceNoSpecials(ChatTask):
    def format_user(self, example):
        return example["question"]

    def encode_batch(self, start, end):
        return self.tokenizer(self.rendered[start:end], add_special_tokens=False, return_tensors="pt", padding=True)


class Retrieval(ChatTask):
    # its own `query` is a plain string: the base class's render does not reach it
    def set_query(self, record):
        self.query = record["query"]

    def encode_query(self):
        return self.tokenizer(self.query, return_tensors="pt")
