"""Built-in targets: the preprocessing of trainers whose own code nothing outside can call, by a short name.

``BUILTINS`` maps a name (``trl:sft``) to what it runs; ``ALIASES`` maps a short name to a real target of an
installed library (``axolotl:chat_template`` is axolotl's own chat-template strategy factory). The names do not
clash with ``module:Name`` targets: a built-in name is looked up first.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chatlint.labels.model import LabelsError


@dataclass(frozen=True)
class BuiltinTarget:
    """A built-in target: a batch function ``function(examples, tokenizer, **settings)``."""

    name: str
    summary: str
    function: Callable[..., Any]
    settings: dict[str, Any] = field(default_factory=dict)  # the --arg names it takes, with their defaults

    def bound(self, tokenizer: Any, args: dict[str, Any]) -> tuple[Callable[..., Any], dict[str, Any]]:
        """The function with the tokenizer bound, and its settings (defaults, then ``args``)."""
        unknown = sorted(set(args) - set(self.settings))
        if unknown:
            raise LabelsError(
                f"target {self.name}: unknown --arg {', '.join(unknown)}; it takes "
                + ", ".join(f"{key} (default {value!r})" for key, value in self.settings.items())
            )
        return functools.partial(self.function, tokenizer=tokenizer), {**self.settings, **args}


def _trl_sft(examples: list[Any], tokenizer: Any, **settings: Any) -> Any:
    from chatlint.labels.builtins.trl_sft import sft

    return sft(examples, tokenizer, **settings)


def _trl_settings() -> dict[str, Any]:
    from chatlint.labels.builtins.trl_sft import SETTINGS

    return dict(SETTINGS)


BUILTINS: dict[str, BuiltinTarget] = {
    "trl:sft": BuiltinTarget(
        "trl:sft",
        "trl's SFTTrainer preprocessing and collator (trl 0.24.0 or 1.16.0; SFTConfig values as --arg)",
        _trl_sft,
        _trl_settings(),
    ),
}

# short names of real targets in libraries (their module must be importable)
ALIASES: dict[str, tuple[str, str]] = {
    "axolotl:chat_template": (
        "axolotl.prompt_strategies.chat_template:load",
        "axolotl's chat_template strategy factory (with --config axolotl.yml)",
    ),
}


def builtin_names() -> list[str]:
    return [*BUILTINS, *ALIASES]


def resolve_alias(spec: str) -> str:
    """The real target a short name stands for (the spec itself when it is not one)."""
    return ALIASES[spec][0] if spec in ALIASES else spec


def is_builtin(obj: Any) -> bool:
    return isinstance(obj, BuiltinTarget)


__all__ = ["ALIASES", "BUILTINS", "BuiltinTarget", "builtin_names", "is_builtin", "resolve_alias"]
