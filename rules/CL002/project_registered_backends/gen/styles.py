STYLES = {}


def style(name):
    def add(cls):
        STYLES[name] = cls
        return cls

    return add


class PromptStyle:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def messages(self, row):
        raise NotImplementedError

    def __call__(self, row):
        return self.tokenizer.apply_chat_template(self.messages(row), tokenize=False, add_generation_prompt=True)


@style("qa")
class QuestionStyle(PromptStyle):
    def messages(self, row):
        return [{"role": "user", "content": row["question"]}]
