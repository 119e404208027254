# A stage of an offline pipeline: it stores the rendered prompt in the row it is given.


class ChatRender:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, row):
        row["chat_prompt"] = self.tokenizer.apply_chat_template(
            row["messages"], tokenize=False, add_generation_prompt=True
        )
        return row
