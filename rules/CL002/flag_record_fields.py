# Rendered prompts kept in a field of a record class (a dataclass, a NamedTuple) and tokenized where the records are
# read: an annotated parameter, an item of an annotated list, a record built here; also through a helper of a helper.
from dataclasses import dataclass
from typing import NamedTuple, Sequence

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


@dataclass
class Sample:
    prompt: str
    completion: str
    group: int = 0


class Pair(NamedTuple):
    context: str
    target: str


def collect(questions, completions):
    samples = []
    for index, (question, completion) in enumerate(zip(questions, completions)):
        text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
        samples.append(Sample(prompt=text, completion=completion, group=index))
    return samples


def pairs(questions, answers):
    return [
        Pair(tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True), a)
        for q, a in zip(questions, answers)
    ]


def encode_sample(sample: Sample):
    return tokenizer(sample.prompt + sample.completion)  # expect: CL002 "stored in `Sample.prompt` by `Sample(prompt=text, completion=completion, group=index)` (line 27)"


def encode_pairs(batch: Sequence[Pair]):
    return [tokenizer(pair.context, return_tensors="pt") for pair in batch]  # expect: CL002 "stored in `Pair.context`"


class Scorer:
    def _ids(self, text):
        return tokenizer(text, truncation=True)["input_ids"]

    def _joined(self, prompt, completion):
        return self._ids(prompt + completion)

    def score(self, samples: list[Sample]):
        return [self._joined(sample.prompt, sample.completion) for sample in samples]  # expect: CL002 "through the helper `Scorer._joined`"
