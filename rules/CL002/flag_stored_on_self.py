# A render kept in an attribute of the instance by one method and tokenized by another: one text (`self.prompt =
# ...`, also with a fallback text on another path) or a list the methods fill (`self.prompts.append(...)`), in the
# class or in a base class of the module.


class ChatSession:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.prompt = None

    def start(self, messages):
        self.prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def encode(self):
        return self.tokenizer(self.prompt, return_tensors="pt")  # expect: CL002 "stored in `self.prompt`"


class WithFallback:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def start(self, messages):
        if self.tokenizer.chat_template is not None:
            self.prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        else:
            self.prompt = "\n".join(message["content"] for message in messages)

    def encode(self):
        return self.tokenizer(self.prompt)  # expect: CL002 "on at least one path"


class PromptTask:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.rendered = []

    def prepare(self, conversations):
        for messages in conversations:
            self.rendered.append(self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))


class MultipleChoiceTask(PromptTask):
    def encode_batch(self, start, end):
        texts = self.rendered[start:end]
        return self.tokenizer(texts, padding=True, return_tensors="pt")  # expect: CL002 "stored in `self.rendered`"
