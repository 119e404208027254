from dataclasses import dataclass


@dataclass
class EvalRequest:
    uid: str
    question: str
    tokenizer: object

    @property
    def messages(self):
        return [{"role": "user", "content": self.question}]

    @property
    def prompt(self):
        return self.tokenizer.apply_chat_template(self.messages, tokenize=False, add_generation_prompt=True)

    @property
    def prompt_ids(self):
        return self.tokenizer(self.prompt, add_special_tokens=False)["input_ids"]
