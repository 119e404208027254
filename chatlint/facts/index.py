"""One walk over a module that records its functions, classes, assignments and calls.

Everything later questions are answered from this index, so the tree is walked once per file.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from chatlint.facts.datasets import bound_keywords, bound_mapped
from chatlint.facts.model import CallSite, ClassInfo, FunctionInfo, Param
from chatlint.facts.syntax import (
    called_name,
    code,
    dotted_name,
    first_argument,
    is_label_name,
    is_partial,
    is_self_attribute,
    keyword_value,
    stored_key,
    string_value,
    subscript_key,
)
from chatlint.facts.walk import CHILD_FIELDS, child_fields, children

_INIT_METHODS = ("__init__", "__post_init__", "setup", "__attrs_post_init__")


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_BRANCHES = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.Match)


class Indexer:
    """One pass over a module, depth first in source order: every node's order, parent and scope, and the
    functions, classes, assignments and calls the analysis asks about."""

    def __init__(self, module: ast.Module) -> None:
        self.module = module
        self.module_function = FunctionInfo(node=module, name="<module>", qualname="<module>")
        self.functions: list[FunctionInfo] = [self.module_function]
        self.classes: dict[str, ClassInfo] = {}
        self.calls: list[CallSite] = []
        # functions handed to a dataset builder, by name: how they are handed ("`.map()`", ...)
        self.mapped_names: dict[str, str] = {}
        # source order of every node: lets a use find the assignments made before it
        self.order: dict[ast.AST, int] = {}
        # each node's parent, and the nodes of each function (and of the module), by id of its root node
        self.parents: dict[ast.AST, ast.AST | None] = {}
        self.scope_members: dict[int, list[ast.AST]] = {}
        self._ancestors: dict[ast.AST, tuple[ast.AST, ...]] = {}
        # where the node being visited sits: its parent, the class or function whose body holds it, the function
        # (or module) it belongs to
        self._parent: ast.AST | None = None
        self._owner: FunctionInfo | ClassInfo | None = None
        self.function: FunctionInfo = self.module_function
        self._visits: dict[type[ast.AST], Callable[[Any], FunctionInfo | ClassInfo | None]] = {
            ast.ClassDef: self._visit_class,
            ast.FunctionDef: self._visit_function,
            ast.AsyncFunctionDef: self._visit_function,
            ast.Assign: self._visit_assign,
            ast.AnnAssign: self._visit_ann_assign,
            ast.AugAssign: self._visit_aug_assign,
            ast.For: self._visit_for,
            ast.AsyncFor: self._visit_for,
            ast.comprehension: self._visit_comprehension,
            ast.Dict: self._visit_dict,
            ast.Call: self._visit_call,
        }

    def run(self) -> None:
        """Visit every node once, with an explicit stack (no recursion, however deep the code nests)."""
        order, parents, visits = self.order, self.parents, self._visits
        module = self.module
        fields_of, dict_type, syntax = CHILD_FIELDS, ast.Dict, ast.AST
        module_members: list[ast.AST] = []
        self.scope_members[id(module)] = module_members
        # (node, its parent, the class or function whose body holds it, the function it belongs to, the members of
        # the scope it joins: of a function or the module; None in a class body)
        Entry = tuple[ast.AST, ast.AST | None, FunctionInfo | ClassInfo | None, FunctionInfo, list[ast.AST] | None]
        stack: list[Entry] = [(module, None, None, self.module_function, module_members)]
        pop, push = stack.pop, stack.append
        while stack:
            node, parent, owner, function, members = pop()
            order[node] = len(order)
            parents[node] = parent
            if members is not None:
                members.append(node)
            kind = type(node)
            visit = visits.get(kind)
            if visit is not None:
                self._parent, self._owner, self.function = parent, owner, function
                scope = visit(node)
                if isinstance(scope, FunctionInfo):
                    owner, function = scope, scope
                    members = self.scope_members[id(node)] = [node]  # a function's own nodes start with itself
                elif isinstance(scope, ClassInfo):
                    owner, members = scope, None  # a class body belongs to no function; its methods are their own
            if kind is dict_type:
                for child in reversed(children(node)):
                    push((child, node, owner, function, members))
                continue
            names = fields_of.get(kind)
            if names is None:
                names = child_fields(kind)
            # pushed last to first, so that they are visited first to last (the order of `children`)
            for name in reversed(names):
                value = getattr(node, name, None)
                if value.__class__ is list:
                    for item in reversed(value):
                        if isinstance(item, syntax):
                            push((item, node, owner, function, members))
                elif isinstance(value, syntax):
                    push((value, node, owner, function, members))

    def ancestors_of(self, node: ast.AST) -> tuple[ast.AST, ...]:
        """The nodes that contain `node`, outermost first (computed from the parents, and kept for every node on
        the way: the calls of one function share their chains)."""
        cache = self._ancestors
        chain = []
        current = self.parents.get(node)
        while current is not None and current not in cache:
            chain.append(current)
            current = self.parents.get(current)
        above = cache[current] + (current,) if current is not None else ()
        for link in reversed(chain):
            cache[link] = above
            above = above + (link,)
        cache[node] = above
        return above

    # -- scopes ---------------------------------------------------------------------------------------------------
    def _in_class_body(self) -> bool:
        return isinstance(self._owner, ClassInfo)

    def _visit_class(self, node: ast.ClassDef) -> ClassInfo:
        info = ClassInfo(
            node=node,
            name=node.name,
            bases=[code(base) for base in node.bases],
            is_dataclass=any("dataclass" in code(decorator) for decorator in node.decorator_list),
        )
        for statement in node.body:
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                info.annotations[statement.target.id] = statement.annotation
                if statement.value:
                    info.fields[statement.target.id] = statement.value
            elif isinstance(statement, ast.Assign):
                for target in statement.targets:
                    if isinstance(target, ast.Name):
                        info.fields[target.id] = statement.value
        self.classes.setdefault(info.name, info)
        return info

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> FunctionInfo:
        owner = self._owner
        cls = owner if isinstance(owner, ClassInfo) else None
        name = node.name
        prefix = f"{owner.qualname}." if isinstance(owner, FunctionInfo) else (f"{cls.name}." if cls else "")
        info = FunctionInfo(node=node, name=name, qualname=prefix + name, cls=cls, outer=self.function)
        info.params = parameters(node.args)
        if node.args.kwarg is not None:
            info.star_kwargs = node.args.kwarg.arg
        if cls is not None:
            cls.methods.setdefault(name, info)
        self.functions.append(info)
        return info

    # -- assignments ----------------------------------------------------------------------------------------------
    def _assign(self, target: ast.expr, value: ast.expr) -> None:
        if self._in_class_body():
            return  # a class body: recorded as the class's fields by _visit_class
        function = self.function
        if isinstance(target, ast.Name):
            function.assignments.setdefault(target.id, []).append(value)
            if is_label_name(target.id):
                self._labels(f"assigns `{target.id}`")
        elif isinstance(target, ast.Attribute):
            attribute = is_self_attribute(target)
            if attribute and function.cls is not None:
                function.cls.attributes.setdefault(attribute, []).append(value)
                if function.name in _INIT_METHODS:
                    function.cls.init_attributes.setdefault(attribute, value)
        elif isinstance(target, ast.Subscript):
            key = subscript_key(target)
            if key is not None and is_label_name(key):
                self._labels(f"assigns `{code(target)}`")
            key = key or stored_key(target)
            if key is not None and isinstance(target.value, ast.Name):
                function.key_assignments.setdefault(target.value.id, {})[key] = value
        elif isinstance(target, (ast.Tuple, ast.List)):
            for position, element in enumerate(target.elts):
                # (one `label` unpacked beside others names a thing, `model, tokenizer, label = bundle`, not labels)
                if isinstance(element, ast.Name) and is_label_name(element.id) and element.id.lower() != "label":
                    self._labels(f"assigns `{element.id}`")
                attribute = is_self_attribute(element)
                if attribute and function.cls is not None and isinstance(value, ast.Call):
                    # `self.llm, self.tokenizer = load_vllm(cfg)`: the item at that place, as a subscript
                    item = ast.copy_location(ast.Subscript(value=value, slice=ast.Constant(position)), element)
                    function.cls.attributes.setdefault(attribute, []).append(item)

    def _labels(self, evidence: str) -> None:
        function = self.function
        if not function.labels_evidence:
            function.labels_evidence = evidence

    def _visit_assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._assign(target, node.value)

    def _visit_ann_assign(self, node: ast.AnnAssign) -> None:
        if node.value is not None and not self._in_class_body():
            self._assign(node.target, node.value)

    def _visit_aug_assign(self, node: ast.AugAssign) -> None:
        if isinstance(node.target, ast.Name) and isinstance(node.op, ast.Add):
            self.function.mutations.setdefault(node.target.id, []).append(("extend", node.value))

    def _visit_for(self, node: ast.For | ast.AsyncFor) -> None:
        if isinstance(node.target, ast.Name):
            self.function.loop_sources[node.target.id] = node.iter
        elif isinstance(node.target, ast.Tuple) and _is_enumerate(node.iter):
            elements = node.target.elts
            if len(elements) == 2 and isinstance(elements[1], ast.Name):
                self.function.loop_sources[elements[1].id] = node.iter.args[0]  # type: ignore[attr-defined]

    def _visit_comprehension(self, node: ast.comprehension) -> None:
        if isinstance(node.target, ast.Name):
            self.function.loop_sources.setdefault(node.target.id, node.iter)

    def _visit_dict(self, node: ast.Dict) -> None:
        for key in node.keys:
            name = string_value(key)
            if name is not None and is_label_name(name):
                self._labels(f"builds a dict with `{name!r}`")
                return

    # -- calls ----------------------------------------------------------------------------------------------------
    def _visit_call(self, node: ast.Call) -> None:
        function = self.function
        name = called_name(node)
        self.calls.append((node, function, self.ancestors_of(node)))
        func = node.func
        if name in ("append", "extend") and isinstance(func, ast.Attribute) and node.args:
            target = dotted_name(func.value)
            if target:
                function.mutations.setdefault(target, []).append((name, node.args[0]))
                if self._in_branch_or_loop():
                    function.conditional_mutations.add(node.args[0])
        elif name == "update" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            # `kwargs.update(add_generation_prompt=True)`: a key set on a local dict
            for item in node.keywords:
                if item.arg is not None:
                    function.key_assignments.setdefault(func.value.id, {})[item.arg] = item.value
        elif (
            name == "setdefault" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and node.args
        ):
            # `kwargs.setdefault("add_special_tokens", False)`: a key set on a local dict, unless the caller set it
            key = string_value(node.args[0])
            if key is not None:
                default = node.args[1] if len(node.args) > 1 else ast.Constant(value=None)
                function.key_assignments.setdefault(func.value.id, {})[key] = default
        elif name == "generate":
            function.calls_generate = True
        elif name == "train" and isinstance(func, ast.Attribute) and not node.args and not node.keywords:
            function.calls_train = True
        elif name == "apply_chat_template" and isinstance(func, ast.Attribute):
            receiver = dotted_name(func.value)
            if receiver is not None:
                function.chat_renderers.add(receiver)
        elif name.endswith("Trainer") and not function.trainer_call:
            function.trainer_call = name
        if name in _DATASET_BUILDERS and (node.args or node.keywords):
            self._handed_to_dataset(node, _DATASET_BUILDERS[name])
        formatting = keyword_value(node, "formatting_func")
        if formatting is not None:
            self._remember_mapped(formatting, "`formatting_func=`")
        if name == "dict":
            for item in node.keywords:
                if item.arg is not None and is_label_name(item.arg):
                    self._labels(f"builds a dict with `{item.arg}`")

    def _in_branch_or_loop(self) -> bool:
        """Is the node being visited under an `if`, a loop or a `try` of the current function?"""
        ancestor = self._parent
        while ancestor is not None:
            if isinstance(ancestor, (*_FUNCTIONS, ast.ClassDef)):
                return False
            if isinstance(ancestor, _BRANCHES):
                return True
            ancestor = self.parents.get(ancestor)
        return False

    def _handed_to_dataset(self, call: ast.Call, how: str) -> None:
        """Remember a function handed to `.map()` or `Dataset.from_generator()`."""
        value = keyword_value(call, "function") or first_argument(call)
        if value is not None:
            self._remember_mapped(value, how)

    def remember_bound_mapped(self) -> None:
        """The functions handed to `.map()` through a name bound first (`fmt = partial(render_row, ...)`, then
        `ds.map(fmt)`): what the module's assignments say once they are all read."""
        for call, caller, _ in self.calls:
            how = _DATASET_BUILDERS.get(call.func.attr) if isinstance(call.func, ast.Attribute) else None
            given = (keyword_value(call, "function") or first_argument(call)) if how is not None else None
            if how is not None and isinstance(given, ast.Name) and (bound := bound_mapped(given, caller)) is not given:
                self._remember_mapped(bound, how)

    def _remember_mapped(self, value: ast.expr, how: str) -> None:
        if isinstance(value, ast.Call) and is_partial(value):
            value = first_argument(value) or value
        name = dotted_name(value)
        if name:
            self.mapped_names.setdefault(name.split(".")[-1], how)


# Calls whose first argument is a function that builds dataset rows, and how to say so.
_DATASET_BUILDERS = {
    "map": "`.map()`",
    "from_generator": "`Dataset.from_generator()`",
}


def parameters(arguments: ast.arguments) -> dict[str, Param]:
    """The named parameters of a function or lambda with their defaults, in order (no `*args` / `**kwargs`)."""
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    found = {arg.arg: Param(arg.arg, default, arg.annotation) for arg, default in zip(positional, defaults)}
    for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults):
        found[arg.arg] = Param(arg.arg, default, arg.annotation)
    return found


def _is_enumerate(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and dotted_name(node.func) == "enumerate" and bool(node.args)


def calls_by_name(calls: list[CallSite]) -> dict[str, list[CallSite]]:
    """The calls by the name they call (`evaluate(...)` and `self.evaluate(...)` under "evaluate")."""
    found: dict[str, list[CallSite]] = {}
    for site in calls:
        found.setdefault(called_name(site[0]), []).append(site)
    return found


def build_index(module: ast.Module) -> Indexer:
    indexer = Indexer(module)
    indexer.run()
    indexer.remember_bound_mapped()
    for function in indexer.functions:
        if function.name in indexer.mapped_names:
            function.passed_to = indexer.mapped_names[function.name]
    for cls in indexer.classes.values():
        cls.module_bases = [indexer.classes[base] for base in cls.bases if indexer.classes.get(base, cls) is not cls]
        for base in cls.module_bases:
            base.module_subclasses.append(cls)
    _link_callers(indexer)
    return indexer


def _link_callers(indexer: Indexer) -> None:
    """Give each module-level function whose name is defined once its calls by that name (`FunctionInfo.callers`)."""
    top: dict[str, FunctionInfo | None] = {}
    for function in indexer.functions:
        if function.cls is None and function.outer is not None and function.outer.is_module:
            top[function.name] = None if function.name in top else function
    if not top:
        return
    for call, caller, _ in indexer.calls:
        callee = top.get(call.func.id) if isinstance(call.func, ast.Name) else None
        if callee is not None:
            callee.callers.append((call, caller))
        elif isinstance(call.func, ast.Attribute) and call.func.attr == "map" and call.args:
            # `ds.map(build_features, fn_kwargs={"cfg": cfg})`, `ds.map(partial(build_features, cfg=cfg))`: the
            # keywords it binds, as a call of the function would pass them
            mapped = bound_mapped(call.args[0], caller)  # (also `fmt = partial(...)`, then `ds.map(fmt)`)
            target = mapped.args[0] if isinstance(mapped, ast.Call) and is_partial(mapped) and mapped.args else mapped
            callee = top.get(target.id) if isinstance(target, ast.Name) else None
            keywords = bound_keywords(call, mapped, caller) if callee is not None else {}
            if callee is not None and keywords:
                bound = [ast.keyword(arg=name, value=value) for name, value in keywords.items()]
                callee.callers.append((ast.copy_location(ast.Call(func=target, args=[], keywords=bound), call), caller))
