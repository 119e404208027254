# A render kept in an attribute of the instance by one method and tokenized by another: one text (`self.prompt =
# ...`, also with a fallback text on another path), a list the methods fill (`self.prompts.append(...)`) or one a
# method assigns (`self._val_prompts = [prompts[i] for i in held_out]`), in the class or in a base class of the
# module.


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


class Probe:
    def __init__(self, tokenizer, model):
        self.tokenizer = tokenizer
        self.model = model
        self._val_prompts = []

    def _prompt(self, question):
        messages = [{"role": "user", "content": question}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def _features(self, samples):
        lengths, prompts = [], []
        for sample in samples:
            prompt = self._prompt(sample["question"])
            lengths.append(len(prompt))
            prompts.append(prompt)
        return lengths, prompts

    def fit(self, samples, held_out):
        lengths, prompts = self._features(samples)
        self._val_prompts = [prompts[i] for i in held_out]
        return lengths

    def validate(self, batch_size=8):
        for start in range(0, len(self._val_prompts), batch_size):
            chunk = self._val_prompts[start : start + batch_size]
            batch = self.tokenizer(chunk, return_tensors="pt", padding=True)  # expect: CL002 "stored in `self._val_prompts`"
            self.model(**batch)


class Continuations:
    # (the lists taken from a tuple of pairs written out: `for texts, store in ((self.good, ...), ...)`)
    def __init__(self, tokenizer, model, harmful, harmless):
        self.tokenizer = tokenizer
        self.model = model
        self.harmful = [self._chat(text) for text in harmful]
        self.harmless = [self._chat(text) for text in harmless]
        self.harmful_out, self.harmless_out = [], []

    def _chat(self, text):
        messages = [{"role": "user", "content": text}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def generate(self, batch_size=8):
        for texts, store in ((self.harmless, self.harmless_out), (self.harmful, self.harmful_out)):
            for start in range(0, len(texts), batch_size):
                batch = self.tokenizer(texts[start : start + batch_size], return_tensors="pt", padding=True)  # expect: CL002 "stored in `self.harmless`"
                store.append(self.model.generate(**batch))
