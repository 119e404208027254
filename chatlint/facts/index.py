"""One walk over a module that records its functions, classes, assignments and calls.

Everything later questions are answered from this index, so the tree is walked once per file.
"""

from __future__ import annotations

import libcst as cst

from chatlint.facts.model import ClassInfo, FunctionInfo
from chatlint.facts.syntax import (
    called_name,
    code,
    dotted_name,
    is_label_name,
    is_self_attribute,
    string_value,
)
from chatlint.facts.walk import walk

_INIT_METHODS = ("__init__", "__post_init__", "setup", "__attrs_post_init__")


class Indexer(cst.CSTVisitor):
    def __init__(self, module: cst.Module) -> None:
        self.module_function = FunctionInfo(node=module, name="<module>", qualname="<module>")
        self.functions: list[FunctionInfo] = [self.module_function]
        self.classes: dict[str, ClassInfo] = {}
        self.calls: list[tuple[cst.Call, FunctionInfo, tuple[cst.CSTNode, ...]]] = []
        # functions handed to a dataset builder, by name: how they are handed ("`.map()`", ...)
        self.mapped_names: dict[str, str] = {}
        self._ancestors: list[cst.CSTNode] = []
        self._scopes: list[FunctionInfo | ClassInfo] = []
        # source order of every node visited so far: lets a use find the assignments made before it
        self.order: dict[cst.CSTNode, int] = {}
        # each node's parent, and the nodes of each function (and of the module), by id of its root node
        self.parents: dict[cst.CSTNode, cst.CSTNode | None] = {}
        self.scope_members: dict[int, list[cst.CSTNode]] = {}
        # the function (or module) whose nodes are being visited; None inside a class body
        self._scope_roots: list[cst.CSTNode | None] = []

    # -- the ancestor stack ---------------------------------------------------------------------------------------
    def on_visit(self, node: cst.CSTNode) -> bool:
        self.order[node] = len(self.order)
        self.parents[node] = self._ancestors[-1] if self._ancestors else None
        kind = type(node)  # exact types: libcst's classes are abstract-base-class heavy, `isinstance` is slow here
        if kind is cst.Module:
            self._scope_roots.append(node)
        scope = self._scope_roots[-1]
        if scope is not None:
            self.scope_members.setdefault(id(scope), []).append(node)
        if kind is cst.FunctionDef:
            self._scope_roots.append(node)
            self.scope_members[id(node)] = [node]  # a function's own nodes start with itself
        elif kind is cst.ClassDef:
            self._scope_roots.append(None)  # a class body belongs to no function; its methods are their own
        result = super().on_visit(node)
        self._ancestors.append(node)
        return result

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self._ancestors.pop()
        if type(original_node) in (cst.FunctionDef, cst.ClassDef, cst.Module):
            self._scope_roots.pop()
        super().on_leave(original_node)

    # -- scopes ---------------------------------------------------------------------------------------------------
    @property
    def function(self) -> FunctionInfo:
        for scope in reversed(self._scopes):
            if isinstance(scope, FunctionInfo):
                return scope
        return self.module_function

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        info = ClassInfo(
            node=node,
            name=node.name.value,
            bases=[code(base.value) for base in node.bases],
            is_dataclass=any("dataclass" in code(decorator.decorator) for decorator in node.decorators),
        )
        if isinstance(node.body, cst.IndentedBlock):
            for statement in node.body.body:
                if not isinstance(statement, cst.SimpleStatementLine):
                    continue
                for small in statement.body:
                    if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) and small.value:
                        info.fields[small.target.value] = small.value
                    elif isinstance(small, cst.Assign):
                        for target in small.targets:
                            if isinstance(target.target, cst.Name):
                                info.fields[target.target.value] = small.value
        self.classes.setdefault(info.name, info)
        self._scopes.append(info)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        owner = self._scopes[-1] if self._scopes else None
        cls = owner if isinstance(owner, ClassInfo) else None
        name = node.name.value
        prefix = f"{owner.qualname}." if isinstance(owner, FunctionInfo) else (f"{cls.name}." if cls else "")
        info = FunctionInfo(node=node, name=name, qualname=prefix + name, cls=cls, outer=self.function)
        params = node.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            info.params[param.name.value] = param
        if isinstance(params.star_kwarg, cst.Param):
            info.star_kwargs = params.star_kwarg.name.value
        if cls is not None:
            cls.methods.setdefault(name, info)
        self.functions.append(info)
        self._scopes.append(info)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._scopes.pop()

    # -- assignments ----------------------------------------------------------------------------------------------
    def _assign(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        if self._scopes and isinstance(self._scopes[-1], ClassInfo):
            return  # a class body: recorded as the class's fields by visit_ClassDef
        function = self.function
        if isinstance(target, cst.Name):
            function.assignments.setdefault(target.value, []).append(value)
            if is_label_name(target.value):
                self._labels(f"assigns `{target.value}`")
        elif isinstance(target, cst.Attribute):
            attribute = is_self_attribute(target)
            if attribute and function.cls is not None and function.name in _INIT_METHODS:
                function.cls.init_attributes.setdefault(attribute, value)
        elif isinstance(target, cst.Subscript):
            key = _subscript_key(target)
            if key is not None and is_label_name(key):
                self._labels(f"assigns `{code(target)}`")
            if key is not None and isinstance(target.value, cst.Name):
                function.key_assignments.setdefault(target.value.value, {})[key] = value
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                if isinstance(element.value, cst.Name) and is_label_name(element.value.value):
                    self._labels(f"assigns `{element.value.value}`")

    def _labels(self, evidence: str) -> None:
        function = self.function
        if not function.labels_evidence:
            function.labels_evidence = evidence

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._assign(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None and not isinstance(self._scopes[-1] if self._scopes else None, ClassInfo):
            self._assign(node.target, node.value)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if isinstance(node.target, cst.Name) and isinstance(node.operator, cst.AddAssign):
            self.function.mutations.setdefault(node.target.value, []).append(("extend", node.value))

    def visit_For(self, node: cst.For) -> None:
        if isinstance(node.target, cst.Name):
            self.function.loop_sources[node.target.value] = node.iter
        elif isinstance(node.target, cst.Tuple) and _is_enumerate(node.iter):
            elements = node.target.elements
            if len(elements) == 2 and isinstance(elements[1].value, cst.Name):
                self.function.loop_sources[elements[1].value.value] = node.iter.args[0].value  # type: ignore[union-attr]

    def visit_CompFor(self, node: cst.CompFor) -> None:
        if isinstance(node.target, cst.Name):
            self.function.loop_sources.setdefault(node.target.value, node.iter)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        key = string_value(node.key)
        if key is not None and is_label_name(key):
            self._labels(f"builds a dict with `{key!r}`")

    # -- calls ----------------------------------------------------------------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
        function = self.function
        name = called_name(node)
        self.calls.append((node, function, tuple(self._ancestors)))
        if name in ("append", "extend") and isinstance(node.func, cst.Attribute) and node.args:
            target = dotted_name(node.func.value)
            if target:
                function.mutations.setdefault(target, []).append((name, node.args[0].value))
                if self._in_branch_or_loop():
                    function.conditional_mutations.add(node.args[0].value)
        elif name == "update" and isinstance(node.func, cst.Attribute) and isinstance(node.func.value, cst.Name):
            # `kwargs.update(add_generation_prompt=True)`: a key set on a local dict
            for arg in node.args:
                if arg.keyword is not None:
                    keys = function.key_assignments.setdefault(node.func.value.value, {})
                    keys[arg.keyword.value] = arg.value
        elif name == "generate":
            function.calls_generate = True
        elif name.endswith("Trainer") and not function.trainer_call:
            function.trainer_call = name
        if name in _DATASET_BUILDERS and node.args:
            self._handed_to_dataset(node.args[0].value, _DATASET_BUILDERS[name], node)
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value == "formatting_func":
                self._handed_to_dataset(arg.value, "`formatting_func=`", None)
            elif name == "dict" and arg.keyword is not None and is_label_name(arg.keyword.value):
                self._labels(f"builds a dict with `{arg.keyword.value}`")

    def _in_branch_or_loop(self) -> bool:
        """Is the node being visited under an `if`, a loop or a `try` of the current function?"""
        for ancestor in reversed(self._ancestors):
            if isinstance(ancestor, (cst.FunctionDef, cst.ClassDef)):
                return False
            if isinstance(ancestor, (cst.If, cst.For, cst.While, cst.Try, cst.Match)):
                return True
        return False

    def _handed_to_dataset(self, value: cst.BaseExpression, how: str, call: cst.Call | None) -> None:
        """Remember a function handed to `.map()`, `formatting_func=` or `Dataset.from_generator()`."""
        if call is not None:
            for arg in call.args:
                if arg.keyword is not None and arg.keyword.value == "function":
                    value = arg.value
        if isinstance(value, cst.Call) and dotted_name(value.func) in ("partial", "functools.partial"):
            value = value.args[0].value if value.args else value
        name = dotted_name(value)
        if name:
            self.mapped_names.setdefault(name.split(".")[-1], how)


# Calls whose first argument is a function that builds dataset rows, and how to say so.
_DATASET_BUILDERS = {
    "map": "`.map()`",
    "from_generator": "`Dataset.from_generator()`",
}


def _subscript_key(node: cst.Subscript) -> str | None:
    if len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        return string_value(node.slice[0].slice.value)
    return None


def _is_enumerate(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Call) and dotted_name(node.func) == "enumerate" and bool(node.args)


def build_index(module: cst.Module) -> Indexer:
    indexer = Indexer(module)
    walk(module, indexer)
    for function in indexer.functions:
        if function.name in indexer.mapped_names:
            function.passed_to_map = True
            function.passed_to = indexer.mapped_names[function.name]
    return indexer
