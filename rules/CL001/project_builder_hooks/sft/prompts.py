from .base import Builder


class PromptOnlyBuilder(Builder):
    # the conversation stops before the reply: the generation prompt belongs there
    def conversation(self, record):
        return [{"role": "user", "content": record["question"]}]

    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


class PlainToolBuilder(Builder):
    def conversation(self, record):
        turns = super().conversation(record)
        turns.append({"role": "assistant", "content": record["answer"]})
        return turns

    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False)
