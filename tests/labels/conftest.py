"""Fixtures for the runtime label check: offline tokenizers of five chat formats, built once per session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import pytest  # noqa: E402
from tokenizer_factory import FAMILIES, build_tokenizer  # noqa: E402

FAMILY_NAMES = list(FAMILIES)


@pytest.fixture(scope="session")
def tokenizer_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pytest.importorskip("transformers", reason="the runtime extra is not installed")
    root = tmp_path_factory.mktemp("tokenizers")
    return {name: build_tokenizer(family, root / name) for name, family in FAMILIES.items()}


@pytest.fixture(scope="session")
def tokenizers(tokenizer_dirs: dict[str, Path]) -> dict[str, object]:
    from transformers import AutoTokenizer

    return {name: AutoTokenizer.from_pretrained(str(folder)) for name, folder in tokenizer_dirs.items()}


@pytest.fixture(params=FAMILY_NAMES)
def family(request: pytest.FixtureRequest) -> str:
    return request.param
