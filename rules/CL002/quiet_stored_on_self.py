# An attribute that holds a render tokenized without special tokens, a render whose BOS the code strips, or a text
# that is not a render at all.


class ChatSession:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def start(self, messages):
        self.prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def encode(self):
        return self.tokenizer(self.prompt, add_special_tokens=False, return_tensors="pt")


class StripsBos:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def start(self, messages):
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        self.prompt = text.removeprefix(self.tokenizer.bos_token)

    def encode(self):
        return self.tokenizer(self.prompt)


class PlainDocument:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def load(self, record):
        self.prompt = record["title"] + "\n\n" + record["body"]

    def encode(self):
        return self.tokenizer(self.prompt)


class Probe:
    def __init__(self, tokenizer, model):
        self.tokenizer = tokenizer
        self.model = model
        self._val_prompts = []
        self._val_texts = []

    def _prompt(self, question):
        messages = [{"role": "user", "content": question}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def fit(self, samples, held_out):
        prompts = [self._prompt(sample["question"]) for sample in samples]
        self._val_prompts = [prompts[i].removeprefix(self.tokenizer.bos_token) for i in held_out]
        self._val_texts = [samples[i]["passage"] for i in held_out]

    def validate(self):
        self.model(**self.tokenizer(self._val_prompts, return_tensors="pt", padding=True))
        self.model(**self.tokenizer(self._val_texts, return_tensors="pt", padding=True))


class Continuations:
    # (the first of each pair written out is a list of plain texts)
    def __init__(self, tokenizer, model, harmful, harmless):
        self.tokenizer = tokenizer
        self.model = model
        self.harmful = list(harmful)
        self.harmless = list(harmless)
        self.rendered = [self._chat(text) for text in harmless]

    def _chat(self, text):
        messages = [{"role": "user", "content": text}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def generate(self, batch_size=8):
        for texts, rendered in ((self.harmless, self.rendered), (self.harmful, self.rendered)):
            batch = self.tokenizer(texts[:batch_size], return_tensors="pt", padding=True)
            self.model.generate(**batch)
