# Batch scripts that unpack an engine out of what a factory of another module returns: into attributes, or into a
# local name. The twin takes the item that is not the engine.
from .engines import load_client, load_model


class BatchRunner:
    def __init__(self, model_name):
        self.params, self.llm, self.tokenizer = load_model(model_name)

    def run(self, conversations):
        texts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return self.llm.generate(texts, self.params)  # expect: CL002 "vLLM's `LLM.generate`"


def run_once(model_name, conversation):
    params, llm, tokenizer = load_model(model_name)
    text = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    return llm.generate([text], params)  # expect: CL002 "vLLM's `LLM.generate`"


def send(model_name, url, conversation, tokenizer):
    options, client = load_client(url)
    text = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    return client.generate(text, **options)
