"""CL002 reads the names of a module's file and of the two folders above it: an experiment folder named for a
model family whose template writes no BOS (`qwen36_gsm8k/sft/eval.py`) says which models the script runs."""

from __future__ import annotations

import textwrap

import pytest

from chatlint.dependencies import DependencyVersions
from chatlint.engine import check_text
from chatlint.rules import ALL_RULES

RULES = [rule(DependencyVersions(None, {})) for rule in ALL_RULES if rule.code == "CL002"]

GENERIC_EVAL = textwrap.dedent(
    """\
    import sys

    from vllm import LLM, SamplingParams


    def main(path=sys.argv[1]):
        llm = LLM(model=path)
        tokenizer = llm.get_tokenizer()
        prompts = [
            tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
            for q in ["2 + 2?", "3 * 3?"]
        ]
        return llm.generate(prompts, SamplingParams(temperature=0.0))
    """
)


@pytest.mark.parametrize(
    ("path", "findings"),
    [
        ("frameworks/verl/qwen36_gsm8k/sft/evaluate_gsm8k.py", 0),  # the folder two levels up names Qwen
        ("frameworks/qwen36_gsm8k/evaluate_gsm8k.py", 0),
        ("frameworks/verl/gsm8k/sft/evaluate_gsm8k.py", 1),  # no name says which model: generic
        ("qwen36/verl/gsm8k/sft/evaluate_gsm8k.py", 1),  # too far up to say what this script runs
        ("frameworks/llama_vs_qwen/sft/evaluate_gsm8k.py", 1),  # a family with a BOS named too
    ],
)
def test_folder_names_of_a_family_without_bos(path: str, findings: int) -> None:
    result = check_text(path, GENERIC_EVAL, RULES)
    assert [finding.code for finding in result.findings] == ["CL002"] * findings
