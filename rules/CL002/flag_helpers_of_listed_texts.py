# Helpers that tokenize the items of a list they are given: one loop over the texts zipped with their completions,
# one that first gathers the joined texts in a list of its own, one loop straight over the list, and a method that
# takes one text or a list of them; the callers hand them rendered prompts.


def encode_pairs(tokenizer, prompt_texts, completions):
    return [tokenizer.encode(prompt + completion) for prompt, completion in zip(prompt_texts, completions)]


def encode_preferences(tokenizer, prompt_texts, pairs):
    chosen = []
    for index, (prompt_text, pair) in enumerate(zip(prompt_texts, pairs)):
        chosen.append(prompt_text + pair[0])
    return [tokenizer.encode(text) for text in chosen]


def online_step(tokenizer, conversations, completions, pairs):
    prompt_texts = [
        tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        for conversation in conversations
    ]
    rollouts = encode_pairs(tokenizer, prompt_texts, completions)  # expect: CL002 "through the helper `encode_pairs`"
    preferred = encode_preferences(tokenizer, prompt_texts, pairs)  # expect: CL002 "through the helper `encode_preferences`"
    return rollouts, preferred


def encode_all(tokenizer, texts):
    encoded = []
    for text in texts:
        encoded.append(tokenizer(text, return_tensors="pt"))
    return encoded


class Generator:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def generate(self, prompts, max_new_tokens=64):
        if isinstance(prompts, str):
            prompts = [prompts]
        outputs = []
        for prompt in prompts:
            inputs = self.tokenizer(prompt, return_tensors="pt")
            outputs.append(self.model.generate(**inputs, max_new_tokens=max_new_tokens))
        return outputs


def sample(model, tokenizer, conversations):
    prompt_texts = [
        tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        for conversation in conversations
    ]
    encoded = encode_all(tokenizer, prompt_texts)  # expect: CL002 "through the helper `encode_all`"
    generator = Generator(model, tokenizer)
    first = tokenizer.apply_chat_template(conversations[0], tokenize=False, add_generation_prompt=True)
    one = generator.generate(first)  # expect: CL002 "through the helper `Generator.generate`"
    return encoded, one, generator.generate(prompt_texts)  # expect: CL002 "through the helper `Generator.generate`"


class BatchRunner:
    # a method of the class named like the tokenizer's, returning the renders of a batch: followed as a helper
    def __init__(self, tokenizer, model):
        self.tokenizer = tokenizer
        self.model = model

    def apply_chat_template(self, texts):
        return [
            self.tokenizer.apply_chat_template([{"role": "user", "content": text}], tokenize=False, add_generation_prompt=True)
            for text in texts
        ]

    def generate(self, prompts):
        batch = self.apply_chat_template(prompts)
        inputs = self.tokenizer(batch, return_tensors="pt", padding=True)  # expect: CL002 "returned by `BatchRunner.apply_chat_template`"
        return self.model.generate(**inputs)
