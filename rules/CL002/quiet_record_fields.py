# Record fields that hold no render (plain text, a render whose BOS is taken off), tokenized with special tokens off,
# or read on an object whose class is not shown.
from dataclasses import dataclass

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


@dataclass
class Sample:
    prompt: str
    completion: str


@dataclass
class Document:
    text: str


def collect(questions, completions):
    out = []
    for question, completion in zip(questions, completions):
        text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
        out.append(Sample(prompt=text, completion=completion))
    return out


def documents(texts):
    return [Document(text=text) for text in texts]


def encode_sample(sample: Sample):
    return tokenizer(sample.prompt + sample.completion, add_special_tokens=False)


def encode_document(document: Document):
    return tokenizer(document.text)


def encode_unknown(sample):
    return tokenizer(sample.prompt)


class Scorer:
    def _ids(self, text):
        return tokenizer(text, truncation=True, add_special_tokens=False)["input_ids"]

    def _joined(self, prompt, completion):
        return self._ids(prompt + completion)

    def score(self, samples: list[Sample]):
        return [self._joined(sample.prompt, sample.completion) for sample in samples]
