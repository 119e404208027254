"""How a module sets up training around its data: the chat templates it installs, the model families it loads,
the data collators it builds and where they go.

These are the facts the rules about label plumbing ask (CL007-CL011): they decide on the kinds below, never on text.
"""

from __future__ import annotations

import ast
import enum
import re
from typing import NamedTuple

from chatlint.facts.flags import defining_scope
from chatlint.facts.model import FunctionInfo
from chatlint.facts.module import ModuleFacts
from chatlint.facts.syntax import called_name, dotted_name, string_value
from chatlint.knowledge.model_families import ModelFamily, family_of

_GENERATION_BLOCK = re.compile(r"{%-?\s*generation\s*-?%}")
# what a template writes at the end of an assistant turn: the EOS token itself or a known end-of-turn token
_TERMINATORS = ("eos_token", "<|im_end|>", "<|eot_id|>", "<|eot|>", "<end_of_turn>", "</s>", "<|end|>", "<|endoftext|>")


def resolved_string(expr: ast.expr | None, function: FunctionInfo) -> str | None:
    """The text of a string literal, or of a local or module-level name given one string literal and nothing else."""
    text = string_value(expr)
    if text is not None or not isinstance(expr, ast.Name):
        return text
    assigned = defining_scope(function, expr.id).assignments.get(expr.id, [])
    return string_value(assigned[0]) if len(assigned) == 1 else None


class InstalledTemplate(NamedTuple):
    """`tokenizer.chat_template = ...` in the module: the template's text when the code shows it, else None."""

    node: ast.AST
    text: str | None

    @property
    def has_generation_block(self) -> bool | None:
        return None if self.text is None else bool(_GENERATION_BLOCK.search(self.text))

    @property
    def ends_turns(self) -> bool | None:
        """The template writes an end-of-turn or EOS token (None when its text is not visible)."""
        if self.text is None:
            return None
        return any(terminator in self.text for terminator in _TERMINATORS)


def installed_templates(facts: ModuleFacts) -> list[InstalledTemplate]:
    """Every chat template the module installs on a tokenizer or processor, or passes as `chat_template=`."""
    found: list[InstalledTemplate] = []
    for function in facts.functions:
        for node, _ in facts.scope_nodes(function.node):
            if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Attribute) and target.attr == "chat_template" for target in node.targets
            ):
                found.append(InstalledTemplate(node, template_text(node.value, function)))
    for call, function, _ in facts.calls:
        value = next((item.value for item in call.keywords if item.arg == "chat_template"), None)
        if value is not None and called_name(call) != "apply_chat_template":
            found.append(InstalledTemplate(call, template_text(value, function)))
    return found


def template_text(value: ast.expr, function: FunctionInfo) -> str | None:
    """The Jinja text of a template the code shows; None for anything else (a name such as `"chatml"` that a
    library looks up, a variable)."""
    text = resolved_string(value, function)
    return text if text is not None and ("{%" in text or "{{" in text) else None


def loaded_families(facts: ModuleFacts) -> list[ModelFamily | None]:
    """The model family of each checkpoint the module loads (None for a checkpoint the table does not know)."""
    return [family_of(name) if name else None for name in facts.checkpoints]


def known_family(facts: ModuleFacts) -> ModelFamily | None:
    """The one family every checkpoint the module loads belongs to, or None (nothing loaded, unknown, or mixed)."""
    families = loaded_families(facts)
    if not families or any(family is None for family in families):
        return None
    first = families[0]
    return first if all(family is first for family in families) else None


class CollatorKind(enum.Enum):
    LANGUAGE_MODELING = "language-modeling"  # transformers' DataCollatorForLanguageModeling(mlm=False): labels = ids
    KEEPS_LABELS = "keeps-labels"  # DataCollatorForSeq2Seq, DataCollatorWithPadding, a project's own collator
    OTHER = "other"


class CollatorUse(NamedTuple):
    """A data collator built in the module, and the trainer it is handed to (`data_collator=`), if any."""

    call: ast.Call
    kind: CollatorKind
    function: FunctionInfo
    trainer: ast.Call | None


def collator_kind(call: ast.Call) -> CollatorKind:
    name = called_name(call)
    if name == "DataCollatorForLanguageModeling":
        mlm = next((item.value for item in call.keywords if item.arg == "mlm"), None)
        # trl's own class of that name takes no `mlm`; transformers' with `mlm=False` rebuilds labels from the ids
        if isinstance(mlm, ast.Constant) and mlm.value is False:
            return CollatorKind.LANGUAGE_MODELING
        return CollatorKind.OTHER
    if name.startswith("DataCollator") or "collat" in name.lower():
        return CollatorKind.KEEPS_LABELS
    return CollatorKind.OTHER


def collator_uses(facts: ModuleFacts) -> list[CollatorUse]:
    """Every `DataCollatorForLanguageModeling(...)`, with the trainer that gets it as `data_collator=` (directly or
    through the one local name it is assigned to)."""
    trainers: list[tuple[ast.Call, FunctionInfo, ast.expr]] = []
    for call, function, _ in facts.calls:
        if called_name(call).endswith("Trainer"):
            value = next((item.value for item in call.keywords if item.arg == "data_collator"), None)
            if value is not None:
                trainers.append((call, function, value))
    found: list[CollatorUse] = []
    for call, function, ancestors in facts.calls:
        if called_name(call) != "DataCollatorForLanguageModeling":
            continue
        parent = ancestors[-1] if ancestors else None
        name = None
        if isinstance(parent, ast.Assign) and len(parent.targets) == 1:
            name = dotted_name(parent.targets[0])
        trainer = next(
            (
                trainer_call
                for trainer_call, _, value in trainers
                if value is call or (name is not None and dotted_name(value) == name)
            ),
            None,
        )
        found.append(CollatorUse(call, collator_kind(call), function, trainer))
    return found
