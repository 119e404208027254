# The twin: the attribute is a pipeline of another task on the other path, so which task runs is not known here.
from transformers import pipeline


class ModelServer:
    def __init__(self, tokenizer, model, summarize=False):
        self._tokenizer = tokenizer
        if summarize:
            self._pipeline = pipeline("summarization", model=model, tokenizer=tokenizer)
        else:
            self._pipeline = pipeline("text-generation", model=model, tokenizer=tokenizer)

    def __call__(self, questions):
        data = [
            self._tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
            for q in questions
        ]
        return self._pipeline(data)
