# The conversation sent to the server's chat API (it renders it once), or plain text that never went through a
# chat template.
from huggingface_hub import InferenceClient


def ask(conversation, url):
    client = InferenceClient(base_url=url)
    return client.chat_completion(conversation, max_tokens=256)


def complete(document, url):
    client = InferenceClient(base_url=url)
    return client.text_generation(document, max_new_tokens=32)


class Scorer:
    """A method of the class's own named `text_generation` is not the client's, in a module that imports one."""

    def text_generation(self, prompt):
        return len(prompt)

    def score(self, tokenizer, conversation):
        return self.text_generation(tokenizer.apply_chat_template(conversation, tokenize=False))
