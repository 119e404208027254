class InstructionTemplate:
    system = "You are a helpful assistant."

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def conversation(self, row, include_answer=True):
        turns = [{"role": "system", "content": self.system}]
        turns.append({"role": "user", "content": row["instruction"]})
        if include_answer:
            turns.append({"role": "assistant", "content": row["response"]})
        return turns

    def prompt(self, row):
        return self.tokenizer.apply_chat_template(self.conversation(row, include_answer=False), tokenize=False)

    def full(self, row):
        return self.tokenizer.apply_chat_template(self.conversation(row), tokenize=False)


class TerseTemplate(InstructionTemplate):
    system = "Answer in one sentence."


TEMPLATES = {"default": InstructionTemplate, "terse": TerseTemplate}
