# A base class renders the prompts of a task and keeps them on the instance, one list for the batch and one text
# for a single query; its subclasses in another module tokenize them.


class ChatTask:
    def __init__(self, tokenizer, system_prompt=None):
        self.tokenizer = tokenizer
        self.system_prompt = system_prompt
        self.rendered = []
        self.query = None

    def format_user(self, example):
        raise NotImplementedError

    def prepare(self, examples):
        self.rendered = []
        for example in examples:
            messages = [{"role": "user", "content": self.format_user(example)}]
            self.rendered.append(self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))
        return len(self.rendered)

    def ask(self, question):
        messages = [{"role": "user", "content": question}]
        self.query = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
