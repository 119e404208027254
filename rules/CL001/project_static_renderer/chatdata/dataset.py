# A dataset that renders through an instance of the imported `ChatRender`: a static method's first parameter is
# the tokenizer, not `self`, so the conversation is its second argument. The whole conversation with the
# generation prompt trains an empty assistant header; the prompt alone with it is right.
from .render import ChatRender


class SupervisedChatDataset:
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer
        self.render = ChatRender()

    def __getitem__(self, index):
        text = self.render.text(self.tokenizer, self.rows[index]["messages"], True)  # expect: CL001 "the wrapper `ChatRender.text` (chatdata/render.py:8)"
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        return {"input_ids": ids, "labels": list(ids)}

    def prompt_length(self, index):
        prompt = self.render.text(self.tokenizer, self.rows[index]["messages"][:-1], True)
        return len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])
