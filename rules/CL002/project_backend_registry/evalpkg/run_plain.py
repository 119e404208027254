from transformers import AutoTokenizer

from .plain_backends import PLAIN_BACKENDS, get_plain_backend


def answer_all(kind, model, questions):
    tok = AutoTokenizer.from_pretrained(model)
    backend = get_plain_backend(kind, model)
    answers = []
    for question in questions:
        prompt = tok.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
        answers.append(backend.generate(prompt))
    return answers


def answer_one(kind, model, question):
    tok = AutoTokenizer.from_pretrained(model)
    backend = PLAIN_BACKENDS[kind](model)
    prompt = tok.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return backend.generate(prompt)
