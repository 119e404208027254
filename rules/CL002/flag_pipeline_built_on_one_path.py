# A text-generation pipeline built on one path (another backend's callable on the other): the rendered prompts it is
# called with get a second BOS from the pipeline's tokenizer on that path.
from functools import partial

from transformers import pipeline


class ModelServer:
    def __init__(self, tokenizer, model, on_neuron=False, neuron_infer=None):
        self._tokenizer = tokenizer
        if on_neuron:
            self._pipeline = partial(neuron_infer, model=model)
        else:
            self._pipeline = pipeline("text-generation", model=model, tokenizer=tokenizer)

    def _preprocess(self, questions):
        return [
            self._tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
            for q in questions
        ]

    def __call__(self, questions):
        data = self._preprocess(questions)
        return self._pipeline(data)  # expect: CL002 "a transformers `text-generation` pipeline"
