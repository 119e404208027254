class ChatFormatter:
    def __init__(self, tokenizer, system=None):
        self.tokenizer = tokenizer
        self.system = system

    def turns(self, example):
        turns = [{"role": "user", "content": example["question"]}]
        return [{"role": "system", "content": self.system}, *turns] if self.system else turns

    def prompt_text(self, example):
        return self.tokenizer.apply_chat_template(self.turns(example), tokenize=False)

    def full_text(self, example):
        reply = {"role": "assistant", "content": example["answer"]}
        return self.tokenizer.apply_chat_template([*self.turns(example), reply], tokenize=False)


class GenerationFormatter(ChatFormatter):
    def prompt_text(self, example):
        return self.tokenizer.apply_chat_template(self.turns(example), tokenize=False, add_generation_prompt=True)
