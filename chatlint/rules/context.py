"""Whether the code around a template call builds training data or serves inference, and the evidence for it.

Location is a supporting signal, never the verdict: rules ask this only when the conversation's shape alone does
not decide.
"""

from __future__ import annotations

import ast
from typing import NamedTuple

from chatlint.facts import FunctionInfo, ModuleFacts
from chatlint.facts.syntax import called_name, is_self_attribute

_DATASET_METHODS = frozenset({"__getitem__", "__init__", "__iter__", "_tokenize", "tokenize", "preprocess"})


class Context(NamedTuple):
    training: str = ""  # evidence that the result becomes training data, in words; "" if none
    inference: str = ""  # evidence that this is inference, in words; "" if none
    builds_labels: bool = False  # the function itself builds labels: the strongest training evidence
    in_data_class: bool = False  # the training evidence is the class: a data collator or a dataset method


def context_of(function: FunctionInfo, facts: ModuleFacts, ancestors: tuple[ast.AST, ...] = ()) -> Context:
    where = function.display_name
    training = ""
    builds_labels = bool(function.labels_evidence)
    dataset_lambda = _dataset_lambda(ancestors)
    cls = function.cls
    in_data_class = False
    if builds_labels:
        training = f"in {where}, which {function.labels_evidence}"
    elif dataset_lambda:
        training = f"in a lambda passed to {dataset_lambda}"
    elif function.passed_to:
        training = f"in {where}, which is passed to {function.passed_to} to build the dataset"
    elif cls is not None and (
        cls.looks_like_collator or (cls.looks_like_dataset and function.name in _DATASET_METHODS)
    ):
        kind = "data collator" if cls.looks_like_collator else "dataset method"
        training = f"in the {kind} `{function.qualname}`"
        in_data_class = True
    elif function.trainer_call:
        training = f"in {where}, which trains with `{function.trainer_call}`"
    elif (caller := facts.remembered(_label_builders_calling).get(id(function))) is not None:
        training = f"in {where}, whose result {caller.display_name} takes, which {caller.labels_evidence}"
    elif facts.path_hint == "training":
        training = f"in {where}, in a file under `training-paths`"

    inference = ""
    if function.calls_generate and not builds_labels:
        inference = f"{where} calls `generate()`"
    elif facts.path_hint == "inference" and not builds_labels:
        inference = "the file is under `inference-paths`"
    elif cls is not None and not builds_labels and in_data_class:
        inference = _used_only_for_generation(cls.name, facts)
    return Context(training=training, inference=inference, builds_labels=builds_labels, in_data_class=in_data_class)


def _label_builders_calling(facts: ModuleFacts) -> dict[int, FunctionInfo]:
    """The functions of the module that a function building labels calls (`self._token_streams()` in a dataset's
    `__iter__` that yields `labels`; a module-level `encode(...)` called where a batch gets its labels), by id: the
    first such caller of each. A caller that also generates is not counted."""
    top_level = {  # (module-level functions: a method is called through `self.`)
        function.name: function
        for function in facts.functions
        if function.cls is None and function.outer is not None and function.outer.is_module
    }
    found: dict[int, FunctionInfo] = {}
    for call, caller, _ in facts.calls:
        if not caller.labels_evidence or caller.calls_generate:
            continue
        method = is_self_attribute(call.func)
        callee = None
        if method and caller.cls is not None:
            callee = caller.cls.methods.get(method)
        elif isinstance(call.func, ast.Name):
            callee = top_level.get(call.func.id)
        if callee is not None and callee is not caller and not callee.calls_generate:
            found.setdefault(id(callee), caller)
    return found


def _used_only_for_generation(class_name: str, facts: ModuleFacts) -> str:
    """Words saying that every function of this module that builds `class_name` calls `generate()`, else ""."""
    users = {id(function): function for call, function, _ in facts.calls if called_name(call) == class_name}
    if not users or any(not function.calls_generate or function.labels_evidence for function in users.values()):
        return ""
    names = ", ".join(function.display_name for function in users.values())
    return f"`{class_name}` is only used in {names}, which calls `generate()`"


def _dataset_lambda(ancestors: tuple[ast.AST, ...]) -> str:
    """`.map()` or `formatting_func=` when the node sits in a lambda handed to one of them, else ""."""
    for index in range(len(ancestors) - 1, 0, -1):
        if not isinstance(ancestors[index], ast.Lambda):
            continue
        holder = ancestors[index - 1]
        if isinstance(holder, ast.keyword) and holder.arg == "formatting_func":
            return "`formatting_func=`"
        call = ancestors[index - 2] if isinstance(holder, ast.keyword) and index >= 2 else holder
        if isinstance(call, ast.Call) and called_name(call) == "map":
            return "`.map()` to build the dataset"
    return ""
