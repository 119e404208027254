"""CL009: masked labels built for the dataset, then rebuilt from `input_ids` by DataCollatorForLanguageModeling."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from typing import NamedTuple

from chatlint.facts import FunctionInfo, ModuleFacts
from chatlint.facts.syntax import called_name, dotted_name, keyword_value, shortened
from chatlint.facts.training_setup import CollatorKind, collator_uses
from chatlint.rules.base import Diagnostic, Rule

_DATA_METHODS = frozenset({"__getitem__", "__iter__", "__init__", "_tokenize", "tokenize", "preprocess"})


class MaskedLabels(NamedTuple):
    """A function that builds the dataset's rows with labels masked by position (a prompt or turn mask)."""

    function: FunctionInfo
    mask: ast.AST  # `[-100] * len(prompt_ids)`, `labels[:n] = IGNORE_INDEX`
    how: str  # words: "passed to `.map()`", "a method of the dataset `ChatDataset`"


def _is_ignore_value(node: ast.AST) -> bool:
    """`-100`, or a name such as `IGNORE_INDEX`, `IGNORE_TOKEN_ID`, `self.ignore_index`."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        operand = node.operand
        return isinstance(operand, ast.Constant) and operand.value == 100
    name = (dotted_name(node) or "").split(".")[-1]
    return "ignore" in name.lower()


def _position_mask(node: ast.AST) -> bool:
    """A mask by position: `[-100] * n`, `labels[a:b] = -100`, `torch.full_like(ids, -100)`."""
    if isinstance(node, ast.Call) and called_name(node) in ("full", "full_like"):
        fill = keyword_value(node, "fill_value") or (node.args[1] if len(node.args) > 1 else None)
        return fill is not None and _is_ignore_value(fill)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return any(
            isinstance(side, ast.List) and len(side.elts) == 1 and _is_ignore_value(side.elts[0])
            for side in (node.left, node.right)
        )
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        return (
            isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Slice) and _is_ignore_value(node.value)
        )
    return False


def masked_label_builders(facts: ModuleFacts) -> list[MaskedLabels]:
    found = []
    for function in facts.functions:
        if not function.labels_evidence:
            continue
        cls = function.cls
        if function.passed_to:
            how = f"passed to {function.passed_to}"
        elif cls is not None and cls.looks_like_dataset and function.name in _DATA_METHODS:
            how = f"a method of the dataset `{cls.name}`"
        else:
            continue
        mask = next((node for node, _ in facts.scope_nodes(function.node) if _position_mask(node)), None)
        if mask is not None:
            found.append(MaskedLabels(function, mask, how))
    return found


class LabelsOverwrittenByCollator(Rule):
    code = "CL009"
    name = "labels-overwritten-by-collator"
    summary = "Masked labels built for the dataset, then rebuilt from `input_ids` by the data collator"
    prefilter = ((b"DataCollatorForLanguageModeling",), (b"mlm",))
    enabled_by_default = False

    what_it_does = """
        Finds a module whose dataset rows get `labels` masked by position (`[-100] * len(prompt_ids) + ...`,
        `labels[:n] = IGNORE_INDEX`, `torch.full_like(ids, -100)` filled in later, in a function passed to `.map()` or a dataset's method) and whose trainer gets
        transformers' `DataCollatorForLanguageModeling(tokenizer, mlm=False)` as its `data_collator=`. The finding
        is reported at the collator and names the masking.

        It stays quiet when the collator keeps the labels (`DataCollatorForSeq2Seq`, `DataCollatorWithPadding`, a
        project's own collator), when the collator is not handed to a trainer in the module, when the labels carry
        no mask (`labels = input_ids.copy()`, or only padding masked by value), and for trl's own class of that name
        (which takes no `mlm`).

        Off by default: in released code it is too rare to show the project's precision standard (0.9 over at least
        20 judged findings on blind-labelled code); turn it on with `--extend-select CL009`.
        Measured on the same 21 released training packages: no finding.
    """
    why_is_this_bad = """
        With `mlm=False`, `DataCollatorForLanguageModeling` ignores the `labels` the rows carry: it sets
        `labels = input_ids` (padding masked) for every batch. The prompt mask the dataset built so carefully is
        thrown away and the prompt is trained after all. Nothing warns; the loss just includes the prompt.
    """
    example = """
        from transformers import DataCollatorForLanguageModeling, Trainer

        def tokenize(example):
            prompt_ids = tokenizer(example["prompt"])["input_ids"]
            answer_ids = tokenizer(example["answer"], add_special_tokens=False)["input_ids"]
            return {"input_ids": prompt_ids + answer_ids, "labels": [-100] * len(prompt_ids) + answer_ids}

        dataset = dataset.map(tokenize)
        collator = DataCollatorForLanguageModeling(tokenizer, mlm=False)
        trainer = Trainer(model=model, train_dataset=dataset, data_collator=collator)
    """
    use_instead = """
        from transformers import DataCollatorForSeq2Seq, Trainer

        def tokenize(example):
            prompt_ids = tokenizer(example["prompt"])["input_ids"]
            answer_ids = tokenizer(example["answer"], add_special_tokens=False)["input_ids"]
            return {"input_ids": prompt_ids + answer_ids, "labels": [-100] * len(prompt_ids) + answer_ids}

        dataset = dataset.map(tokenize)
        collator = DataCollatorForSeq2Seq(tokenizer, padding=True)  # pads `labels` with -100, keeps the mask
        trainer = Trainer(model=model, train_dataset=dataset, data_collator=collator)
    """
    fix_safety = """
        There is no fix: `DataCollatorForSeq2Seq(tokenizer, padding=True)` keeps the labels, but it pads differently
        (`label_pad_token_id`, `pad_to_multiple_of`) and the choice belongs to the project.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        uses = [use for use in collator_uses(facts) if use.kind is CollatorKind.LANGUAGE_MODELING and use.trainer]
        if not uses:
            return
        builders = masked_label_builders(facts)
        if not builders:
            return
        more = f" (and {len(builders) - 1} more)" if len(builders) > 1 else ""
        for use in uses:
            trainer = use.trainer
            assert trainer is not None
            builder = _nearest(builders, trainer, use.function, facts)
            message = (
                f"`{_short(facts.code(use.call))}` is the `data_collator` of the trainer on line {trainer.lineno}; "
                f"with `mlm=False` it rebuilds `labels` from `input_ids` for every batch, discarding the labels that "
                f"{builder.function.display_name} ({builder.how}) builds with a mask (line {getattr(builder.mask, 'lineno', 0)}: "
                f"`{_short(facts.code(builder.mask))}`){more}: the masked tokens are trained after all; use a "
                f"collator that keeps the labels (`DataCollatorForSeq2Seq`)"
            )
            yield Diagnostic(node=use.call, message=message)


def _nearest(builders: list[MaskedLabels], trainer: ast.Call, where: FunctionInfo, facts: ModuleFacts) -> MaskedLabels:
    """The builder the trainer most likely gets its rows from: one named in the trainer call (a dataset class, a
    function mapped there), then one named in the function around it (the `.map()` call), then the first."""
    in_call = _names(trainer)
    around = _names(where.node)

    def distance(builder: MaskedLabels) -> int:
        cls = builder.function.cls
        name = cls.name if cls is not None else builder.function.name
        if name in in_call:
            return 0
        return 1 if name in around else 2

    return min(builders, key=distance)


def _names(node: ast.AST) -> set[str]:
    return {child.id for child in ast.walk(node) if isinstance(child, ast.Name)}


def _short(text: str) -> str:
    return shortened(text, 60)
