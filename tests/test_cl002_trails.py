"""CL002's trail names where the second tokenization happens when the finding is at a helper's call (the call inside
the helper, where the fix goes) and, for trl's SFTTrainer, the `SFTConfig` that names the tokenized column (where
`dataset_kwargs` would go)."""

from __future__ import annotations

import textwrap

from chatlint.dependencies import DependencyVersions
from chatlint.engine import check_text
from chatlint.rules import ALL_RULES

RULES = [rule(DependencyVersions(None, {})) for rule in ALL_RULES if rule.code == "CL002"]


def _related(text: str) -> list[tuple[int, list[int]]]:
    result = check_text("train.py", textwrap.dedent(text), RULES)
    return [(finding.line, [place.line for place in finding.related]) for finding in result.findings]


def test_a_helper_of_a_helper_names_the_call_that_tokenizes() -> None:
    assert _related(
        """\
        class Scorer:
            def __init__(self, tokenizer):
                self.tokenizer = tokenizer

            def _encode(self, text):
                return self.tokenizer(text, return_tensors="pt")["input_ids"][0]

            def encode_pair(self, prompt, completion):
                return self._encode(prompt + completion), len(self._encode(prompt))

            def score(self, messages, completion):
                prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
                return self.encode_pair(prompt, completion)
        """
    ) == [(13, [6])]


def test_the_sft_config_that_names_the_column_is_on_the_trail() -> None:
    assert _related(
        """\
        from trl import SFTConfig, SFTTrainer


        def to_text(example, tokenizer):
            return {"chat": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


        def train(model, tokenizer, dataset):
            dataset = dataset.map(to_text, fn_kwargs={"tokenizer": tokenizer})
            args = SFTConfig(output_dir="out", dataset_text_field="chat")
            return SFTTrainer(model=model, args=args, train_dataset=dataset)
        """
    ) == [(11, [10])]
