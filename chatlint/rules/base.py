"""What a rule is: a code, its documentation, a cheap prefilter and a predicate over the module's facts."""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Iterable
from typing import ClassVar, NamedTuple

from chatlint.dependencies import NO_DEPENDENCIES, DependencyVersions
from chatlint.facts import ModuleFacts
from chatlint.facts.syntax import Span
from chatlint.findings import Applicability, Related

# What a diagnostic or an edit points at: a node, or a span of text that is no node (a comment)
Target = ast.AST | Span


class NodeEdit(NamedTuple):
    """Replace the source of `node` with `replacement`; the engine turns it into a positioned `Edit`."""

    node: Target
    replacement: str


class NodeFix(NamedTuple):
    applicability: Applicability
    edits: tuple[NodeEdit, ...]
    description: str


class Diagnostic(NamedTuple):
    """What a rule reports: the node to point at, the message, and a fix if there is a sound one."""

    node: Target
    message: str
    fix: NodeFix | None = None
    # other places on the trail, in other modules too (SARIF `relatedLocations`, JSON `related`)
    related: tuple[Related, ...] = ()


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]  # kebab-case, e.g. "generation-prompt-on-full-conversation"
    summary: ClassVar[str]  # one line
    # A file is parsed for this rule only if its bytes contain every group's one-of: ((b"a", b"b"), (b"c",)).
    # A group may also hold a compiled `re.Pattern[bytes]` that matches within one line, for tokens that must meet on
    # a line (`re.compile(rb"pad_token[^\n]*eos_token")`); plain bytes are faster.
    prefilter: ClassVar[tuple[tuple[bytes | re.Pattern[bytes], ...], ...]]
    # Another set of groups that also lets a file through (when what the rule looks for may start in another
    # module: a file that masks labels with a tokenizer an imported function padded with EOS); () for none.
    also_prefilter: ClassVar[tuple[tuple[bytes | re.Pattern[bytes], ...], ...]] = ()
    enabled_by_default: ClassVar[bool] = True
    fixable: ClassVar[bool] = False
    # A rule that judges the `noqa` comments themselves (CL100): the engine runs it after the others, with what
    # they silenced (`check_suppressions`), instead of `check`.
    checks_suppressions: ClassVar[bool] = False
    # Documentation in Ruff's form; Markdown.
    what_it_does: ClassVar[str]
    why_is_this_bad: ClassVar[str]
    example: ClassVar[str]
    use_instead: ClassVar[str]
    fix_safety: ClassVar[str]
    # The libraries (distribution names) whose versions the rule asks `self.dependencies` about; the result cache
    # keys on what is known of them.
    asks_versions_of: ClassVar[tuple[str, ...]] = ()
    # Files the documented Example / Use instead need in the project root to mean what they say (a pinned version):
    # name -> text. The docs test writes them beside the snippet.
    example_project: ClassVar[dict[str, str]] = {}
    use_instead_project: ClassVar[dict[str, str]] = {}

    def __init__(self, dependencies: DependencyVersions | None = None, models: tuple[str, ...] = ()) -> None:
        # What the project's files and settings say about its dependencies' versions (`chatlint.dependencies`).
        self.dependencies = dependencies if dependencies is not None else NO_DEPENDENCIES
        # The checkpoints the project says it runs with (the `models` setting): what code runs whose model the
        # analysis cannot tell
        self.models = models

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        def block(text: str) -> str:
            return textwrap.dedent(text).strip("\n")

        return "\n".join(
            [
                f"# {cls.name} ({cls.code})",
                "",
                cls.summary,
                "",
                "## What it does",
                block(cls.what_it_does),
                "",
                "## Why is this bad?",
                block(cls.why_is_this_bad),
                "",
                "## Example",
                "```python",
                block(cls.example),
                "```",
                "",
                "## Use instead",
                "```python",
                block(cls.use_instead),
                "```",
                "",
                "## Fix safety",
                block(cls.fix_safety),
                "",
            ]
        )
