from transformers import AutoTokenizer

from .backends import BACKENDS, get_backend


def answer_all(kind, model, questions):
    tok = AutoTokenizer.from_pretrained(model)
    backend = get_backend(kind, model)
    answers = []
    for question in questions:
        prompt = tok.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
        answers.append(backend.generate(prompt))  # expect: CL002 "through the helper `BACKENDS.generate` (evalpkg/backends.py:10)"
    return answers


def answer_one(kind, model, question):
    tok = AutoTokenizer.from_pretrained(model)
    backend = BACKENDS[kind](model)
    prompt = tok.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return backend.generate(prompt)  # expect: CL002 "through the helper `BACKENDS.generate`"
