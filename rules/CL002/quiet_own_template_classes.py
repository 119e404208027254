# Classes of the project's own with an `apply_chat_template` method: one that returns token ids (its render
# tokenizes, the default), handed to the model as they are; one whose `generate` tokenizes without special tokens;
# and a tokenizer's subclass whose override renders as the tokenizer does (its ids are not text).
from transformers import AutoModelForCausalLM, AutoTokenizer, PreTrainedTokenizerFast


class IdsEngine:
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        self.model = AutoModelForCausalLM.from_pretrained(name)

    def apply_chat_template(self, messages):
        return self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")

    def generate(self, input_ids, max_new_tokens=128):
        return self.model.generate(input_ids, max_new_tokens=max_new_tokens)


class TextEngine:
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        self.model = AutoModelForCausalLM.from_pretrained(name)

    def apply_chat_template(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def generate(self, prompt, max_new_tokens=128):
        inputs = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)
        return self.model.generate(**inputs, max_new_tokens=max_new_tokens)


class ChatTokenizer(PreTrainedTokenizerFast):
    def apply_chat_template(self, conversation, **kwargs):
        return super().apply_chat_template(conversation, **kwargs)


def chat(name, messages):
    ids_engine = IdsEngine(name)
    text_engine = TextEngine(name)
    tokenizer = ChatTokenizer.from_pretrained(name)
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    return (
        ids_engine.generate(ids_engine.apply_chat_template(messages)),
        text_engine.generate(text_engine.apply_chat_template(messages)),
        tokenizer.decode(ids),
    )
