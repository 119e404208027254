"""What a conversation expression renders: the whole conversation, or only the prompt before the reply.

The answer follows the code, not the names: local assignments (the last one before the use), `append` / `extend`
/ `+=` on the list, slices, concatenations, list literals and the roles in them, copies and comprehensions. Names
are used only where nothing else is left: a data key (`example["prompt"]`) or a bare parameter.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator

from chatlint.facts.flags import defining_scope
from chatlint.facts.flow import (
    MAX_RESOLUTION_DEPTH,
    Binding,
    FunctionFlow,
    function_flow,
    instance_class,
    instance_method,
)
from chatlint.facts.links import Links
from chatlint.facts.model import UNKNOWN_SHAPE, CallSite, ClassInfo, FunctionInfo, Shape, ShapeKind, classes_of
from chatlint.facts.summary import Handoff, ModuleSummary, RoleGuard, Switch
from chatlint.facts.syntax import (
    bound_argument,
    cast_value,
    code,
    dotted_name,
    is_property,
    is_self_attribute,
    keyword_value,
    passes_star_args,
    positional,
    shortened,
    star_kwargs,
    string_value,
)
from chatlint.facts.walk import nodes_under
from chatlint.findings import Related

PROMPT_KEYS = frozenset(
    {"prompt", "prompts", "prompt_messages", "prompt_conversation", "query", "question", "instruction", "history"}
)
CONVERSATION_KEYS = frozenset(
    {"messages", "conversations", "conversation", "chat", "chats", "dialog", "dialogue", "turns", "sample", "example"}
)
REPLY_KEYS = frozenset({"chosen", "rejected", "completion", "response", "answer", "output", "reply", "target"})

ASSISTANT_ROLES = frozenset({"assistant", "gpt", "model", "bot", "chatbot"})
PROMPT_ROLES = frozenset({"user", "human", "system", "tool", "ipython", "function", "observation", "developer"})

_COPY_CALLS = frozenset({"list", "copy.copy", "copy.deepcopy", "deepcopy", "tuple"})


class ShapeResolver:
    """Answers `conversation_shape` for expressions inside one module."""

    def __init__(
        self,
        order: dict[ast.AST, int],
        flows: dict[int, FunctionFlow],
        functions: list[FunctionInfo] | None = None,
        links: Links | None = None,
        calls: Iterable[CallSite] = (),
    ) -> None:
        self.order = order
        self.flows = flows
        self.links = links or Links()
        # the module-level functions by name: a helper that builds the conversation a render is given (`messages =
        # build_messages(example)`; a method is found through the caller's class)
        self.top_level = {
            function.name: function
            for function in functions or ()
            if function.cls is None and function.outer is not None and function.outer.is_module
        }
        # the module's classes by name: the properties of an instance (`row.prompt`)
        self._classes = classes_of(functions or [])
        self.busy: set[int] = set()
        self._asserted: dict[int, dict[str, tuple[str, str]]] = {}
        self._own_checks: dict[int, dict[str, tuple[str, str]]] = {}
        self._extended: dict[int, frozenset[str]] = {}
        self._handed: dict[tuple[int, str], Shape] = {}
        # the calls of each function, by its id (for the functions it hands a conversation to)
        self._calls_by_function: dict[int, list[ast.Call]] = {}
        for call, function, _ in calls:
            self._calls_by_function.setdefault(id(function), []).append(call)

    def shape(self, expr: ast.expr, function: FunctionInfo, at: ast.AST) -> Shape:
        return self._shape(expr, function, self.order.get(at, 1 << 62), 0)

    # -- dispatch -------------------------------------------------------------------------------------------------
    def _shape(self, expr: ast.expr, function: FunctionInfo, before: int, depth: int) -> Shape:
        if depth > MAX_RESOLUTION_DEPTH:
            return UNKNOWN_SHAPE
        text = code(expr)
        if isinstance(expr, ast.List) or (isinstance(expr, ast.Tuple) and _written_messages(expr)):
            return self._list_shape(expr, function, before, depth)
        if isinstance(expr, ast.Subscript):
            return self._subscript_shape(expr, function, before, depth)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            right = self._shape(expr.right, function, before, depth + 1)
            if right.kind is ShapeKind.UNKNOWN:
                return UNKNOWN_SHAPE
            if right.kind is ShapeKind.PROMPT:
                return Shape(ShapeKind.PROMPT, f"`{text}`, which ends with {right.evidence}", related=right.related)
            if right.kind is ShapeKind.FULL or right.is_reply:
                return Shape(
                    ShapeKind.FULL, f"`{text}`, which ends with the reply ({right.evidence})", related=right.related
                )
            # `[system] + messages`: a message put in front keeps the conversation's own end, whatever that is
            return Shape(right.kind, f"`{text}`, which ends with {right.evidence}", related=right.related)
        if isinstance(expr, ast.Name):
            return self._name_shape(expr, function, before, depth)
        if isinstance(expr, ast.Call):
            cast = cast_value(expr)
            if cast is not None:
                return self._shape(cast, function, before, depth + 1)  # `typing.cast(list, messages)`
            callee = dotted_name(expr.func) or ""
            if callee in _COPY_CALLS and expr.args:
                return self._shape(_unstarred(expr.args[0]), function, before, depth + 1)
            if isinstance(expr.func, ast.Attribute) and expr.func.attr == "copy" and not expr.args:
                return self._shape(expr.func.value, function, before, depth + 1)
            return self._returned_shape(expr, function, before, depth)
        if isinstance(expr, ast.Attribute):
            mutated = self._attribute_mutated_shape(expr, function, before, depth)
            return mutated if mutated is not None else self._property_shape(expr, function, depth)
        if isinstance(expr, ast.IfExp):
            body = self._shape(expr.body, function, before, depth + 1)
            orelse = self._shape(expr.orelse, function, before, depth + 1)
            return body if body.kind is orelse.kind else UNKNOWN_SHAPE
        if isinstance(expr, (ast.ListComp, ast.GeneratorExp)):
            # a batch of conversations: `[feature["messages"] for feature in features]`
            item = self._shape(expr.elt, function, before, depth + 1)
            if item.ends_with_reply:
                return Shape(item.kind, f"a batch of {item.evidence}", related=item.related)
            # a comprehension that maps each message keeps the conversation's end; one that filters does not
            generator = expr.generators[0]
            if generator.ifs or len(expr.generators) > 1:
                return UNKNOWN_SHAPE
            return self._shape(generator.iter, function, before, depth + 1)
        return UNKNOWN_SHAPE

    # -- list literals --------------------------------------------------------------------------------------------
    def _list_shape(self, expr: ast.List | ast.Tuple, function: FunctionInfo, before: int, depth: int) -> Shape:
        if not expr.elts:
            return UNKNOWN_SHAPE
        last = expr.elts[-1]
        if isinstance(last, ast.List) or (isinstance(last, ast.Tuple) and _written_messages(last)):
            # a batch written out (`[(user, assistant)]`, `[[user, assistant]]`): the end its conversations share
            items = [self._shape(item, function, before, depth + 1) for item in expr.elts]
            if any(item.kind is not items[-1].kind for item in items) or items[-1].kind is ShapeKind.UNKNOWN:
                return UNKNOWN_SHAPE
            return Shape(items[-1].kind, f"a batch written out, each {items[-1].evidence}")
        if isinstance(last, ast.Starred):
            inner = self._shape(last.value, function, before, depth + 1)
            return (
                Shape(
                    inner.kind, f"a list ending with `*{code(last.value)}`: {inner.evidence}", is_reply=inner.is_reply
                )
                if inner.kind is not ShapeKind.UNKNOWN
                else UNKNOWN_SHAPE
            )
        role = self._message_role(last, function, before, depth + 1)
        if _empty_content(last):
            return UNKNOWN_SHAPE  # `{"role": "assistant", "content": ""}`: a slot for the reply to come, not a reply
        return _role_shape(role, "a list literal" if isinstance(expr, ast.List) else "a tuple literal")

    def _message_role(self, expr: ast.expr, function: FunctionInfo, before: int, depth: int) -> str | None:
        """`assistant` / `user` / ... for a message expression, or None when unknown."""
        if depth > MAX_RESOLUTION_DEPTH:
            return None
        if isinstance(expr, ast.Dict):
            for dict_key, value in zip(expr.keys, expr.values):
                if string_value(dict_key) in ("role", "from"):
                    return string_value(value)
            return None
        if isinstance(expr, ast.Call) and dotted_name(expr.func) == "dict":
            for item in expr.keywords:
                if item.arg in ("role", "from"):
                    return string_value(item.value)
            return None
        if isinstance(expr, ast.Name):
            scope, bindings = self._bindings(expr, function)
            roles = {
                self._message_role(binding.value, scope, before, depth + 1)
                if binding.kind == "assign" and binding.value is not None
                else None
                for binding in bindings
            }
            return roles.pop() if len(roles) == 1 else None
        key = _key_of(expr, function)
        if key in REPLY_KEYS:
            return "assistant"
        if key in PROMPT_KEYS:
            return "user"
        return None

    # -- subscripts: keys, indexes and slices ---------------------------------------------------------------------
    def _subscript_shape(self, expr: ast.Subscript, function: FunctionInfo, before: int, depth: int) -> Shape:
        text = code(expr)
        element = expr.slice
        if isinstance(element, ast.Tuple):
            return UNKNOWN_SHAPE
        if isinstance(element, ast.Slice):
            return self._slice_shape(expr, element, function, before, depth)
        key = _key_of(expr, function)
        if key is not None:
            return _key_shape(key, text)
        named = (dotted_name(element) or "").rsplit(".", 1)[-1].lower()
        if named.startswith("prompt"):
            # `example[self.prompt_key]`, `row[prompt_field]`: a key its code names for the prompt, whatever column
            # a configuration gives it
            return Shape(ShapeKind.PROMPT, f"`{text}`, read by a key named for the prompt")
        # `batch["messages"][i]`: one conversation out of a batch of them
        inner = self._shape(expr.value, function, before, depth + 1)
        if inner.kind is ShapeKind.CONVERSATION:
            return Shape(ShapeKind.CONVERSATION, f"`{text}`, one of {inner.evidence}")
        return UNKNOWN_SHAPE

    def _slice_shape(
        self, expr: ast.Subscript, element: ast.Slice, function: FunctionInfo, before: int, depth: int
    ) -> Shape:
        text = code(expr)
        upper = element.upper
        if upper is None:
            # `conv[1:]`, `conv[:]`, `conv[-4:]`: the end is kept, so the shape is the conversation's
            inner = self._shape(expr.value, function, before, depth + 1)
            return Shape(inner.kind, f"`{text}` of {inner.evidence}") if inner.kind is not ShapeKind.UNKNOWN else inner
        if isinstance(upper, ast.BinOp) and isinstance(upper.op, ast.Add):
            # `conv[: i + 1]`: a prefix through turn i; what turn i is, the code does not say
            return UNKNOWN_SHAPE
        return Shape(ShapeKind.PROMPT, f"`{text}`, which stops before the reply")

    def _element_shape(self, source: ast.expr, function: FunctionInfo, before: int, depth: int) -> Shape:
        """The shape of each item of `source`, as a `for` loop or a comprehension sees it."""
        if depth > MAX_RESOLUTION_DEPTH:
            return UNKNOWN_SHAPE
        if isinstance(source, (ast.ListComp, ast.GeneratorExp)):
            return self._shape(source.elt, function, before, depth + 1)
        if isinstance(source, ast.Name):
            scope, bindings = self._bindings(source, function)
            if len(bindings) == 1 and bindings[0].kind == "assign" and bindings[0].value is not None:
                return self._element_shape(bindings[0].value, scope, before, depth + 1)
        return self._shape(source, function, before, depth + 1)

    # -- names ----------------------------------------------------------------------------------------------------
    def _bindings(self, name: ast.Name, function: FunctionInfo) -> tuple[FunctionInfo, list[Binding]]:
        """The scope that binds `name` and its bindings that may hold the value read there (reaching definitions):
        in `function` at this load, or, for a name of an enclosing function or the module, the bindings that reach
        the end of that scope's body (which has run when this function is called)."""
        flow = function_flow(function, self.flows)
        if name.id in flow.bindings:
            found = flow.reaching(name.id, name)
            # a load the flow does not walk (the body of a lambda) sees what the function holds when it has run
            return function, found or flow.at_end(name.id)
        outer = defining_scope(function, name.id)
        if outer is function:
            return function, []
        return outer, function_flow(outer, self.flows).at_end(name.id)

    def _name_shape(self, node: ast.Name, function: FunctionInfo, before: int, depth: int) -> Shape:
        name = node.id
        scope, bindings = self._bindings(node, function)
        if scope is not function:
            before = 1 << 62  # a module-level or enclosing function's name: all of its assignments came before
        assigned = [binding for binding in bindings if binding.kind == "assign"]
        last_assigned = max((self.order.get(binding.statement, 0) for binding in assigned), default=-1)
        # (not the mutation the read is part of: `conv.append({"role": "assistant", "content": reply(conv)})` reads
        # `conv` before it appends)
        mutations = [
            (kind, value)
            for kind, value in scope.mutations.get(name, ())
            if self.order.get(value, 0) < before and not _encloses(value, node)
        ]
        if mutations and self.order.get(mutations[-1][1], 0) > last_assigned:
            found = self._mutated_shape(name, scope, mutations, before, depth)
        else:
            # every value that may reach the use must agree; the evidence is the latest one, the nearest to the
            # reader
            shapes = [self._binding_shape(binding, scope, before, depth) for binding in bindings]
            agree = shapes and all(shape.kind is shapes[-1].kind for shape in shapes)
            found = shapes[-1] if agree else UNKNOWN_SHAPE
        if found.kind in (ShapeKind.UNKNOWN, ShapeKind.CONVERSATION):
            asserted = self._asserted_shape(name, scope)
            if asserted.kind is ShapeKind.UNKNOWN:
                hooked = self._hooked_shape(name, function, depth)
                if hooked.kind is ShapeKind.UNKNOWN:
                    hooked = self._handed_shape(name, function, depth)
                if hooked.kind is ShapeKind.UNKNOWN:
                    hooked = self._extended_with_a_reply(name, scope, before, depth)
                return hooked if hooked.kind is not ShapeKind.UNKNOWN else found
            return asserted
        return found

    def _extended_with_a_reply(self, name: str, scope: FunctionInfo, before: int, depth: int) -> Shape:
        """A conversation the function extends with an assistant reply (`full = [*messages, {"role": "assistant",
        "content": completion}]`, `messages + [{"role": "assistant", ...}]`), or hands as it is to a function that
        does: the part before that reply, a prompt."""
        if scope.is_module:
            return UNKNOWN_SHAPE
        if name in self._extensions(scope, before, depth):
            return Shape(ShapeKind.PROMPT, f"`{name}`, which the function extends with the assistant reply")
        return self._handed_to_extend(name, scope, depth)

    def _extensions(self, scope: FunctionInfo, before: int, depth: int) -> frozenset[str]:
        """The names the function extends with an assistant reply (see `_extended_with_a_reply`), walked once."""
        found = self._extended.get(id(scope))
        if found is not None:
            return found
        names = set()
        for node in ast.walk(scope.node):
            head: ast.expr | None = None
            last: ast.expr | None = None
            if isinstance(node, ast.List) and len(node.elts) >= 2 and isinstance(node.elts[0], ast.Starred):
                head, last = node.elts[0].value, node.elts[-1]
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.right, ast.List):
                head, last = node.left, (node.right.elts[-1] if node.right.elts else None)
            if (
                isinstance(head, ast.Name)
                and isinstance(last, ast.Dict)
                and self._message_role(last, scope, before, depth) == "assistant"
            ):
                names.add(head.id)
        found = self._extended[id(scope)] = frozenset(names)
        return found

    def extended_parameters(self, function: FunctionInfo) -> list[str]:
        """The parameters the function extends with an assistant reply, itself or through a function of the module
        it hands them to: a caller's conversation it hands there is a prompt (for the module's summary)."""
        return [
            param
            for param in function.call_params
            if self._extended_with_a_reply(param, function, 1 << 62, 0).kind is ShapeKind.PROMPT
        ]

    def _handed_to_extend(self, name: str, scope: FunctionInfo, depth: int) -> Shape:
        """A conversation the function hands, as it is, to a function that extends that parameter with the
        assistant reply (`conversation_ids(tok, messages, completion)` beside `prompt_ids(tok, messages)`): one of
        the module, or of another module as its summary says (also a method of an instance of a class of one)."""
        key = (id(scope), name)
        if key in self._handed:
            return self._handed[key]
        if depth > MAX_RESOLUTION_DEPTH or not function_flow(scope, self.flows).bound_once(name):
            return UNKNOWN_SHAPE
        self._handed[key] = UNKNOWN_SHAPE  # (while it is worked out: a call back to it finds nothing)
        found = self._handed[key] = self._handed_to_extend_uncached(name, scope, depth)
        return found

    def _handed_to_extend_uncached(self, name: str, scope: FunctionInfo, depth: int) -> Shape:
        for call in self._calls_by_function.get(id(scope), ()):
            handed = (*call.args, *(item.value for item in call.keywords))
            if not any(isinstance(arg, ast.Name) and arg.id == name for arg in handed):
                continue
            callee = self._helper(call, scope)
            if callee is scope:
                continue
            if callee is not None:
                params = list(callee.call_params)
                for param in params:
                    given = bound_argument(call, params, param)
                    if not (isinstance(given, ast.Name) and given.id == name):
                        continue
                    if self._extended_with_a_reply(param, callee, 1 << 62, depth + 1).kind is ShapeKind.PROMPT:
                        words = f"`{name}`, which `{callee.qualname}` extends with the assistant reply"
                        return Shape(ShapeKind.PROMPT, words)
                continue
            imported = self._imported_extension(call, scope)
            if imported is None:
                continue
            guard, summary = imported
            given = bound_argument(call, list(guard.params), guard.param)
            if isinstance(given, ast.Name) and given.id == name:
                place = summary.place(guard.line)
                related = Related(summary.path, guard.line, f"`{guard.name}` extends `{guard.param}` with the reply")
                words = f"`{name}`, which `{guard.name}` ({place}) extends with the assistant reply"
                return Shape(ShapeKind.PROMPT, words, related=(related,))
        return UNKNOWN_SHAPE

    def _imported_extension(self, call: ast.Call, scope: FunctionInfo) -> tuple[RoleGuard, ModuleSummary] | None:
        """The function of another module a call calls, or the method of an instance of a class of one, when that
        module's summary says it extends a parameter with the assistant reply."""
        if not self.links:
            return None
        found = self.links.role_guard(call.func)
        if found is None and isinstance(call.func, ast.Attribute):
            cls = instance_class(call.func.value, scope, self.flows)
            found = self.links.method_role_guard(cls, call.func.attr) if cls is not None else None
        return found if found is not None and found[0].extends else None

    def _handoff_sources(self, cls: ClassInfo) -> Iterator[tuple[str, str, str, int]]:
        """`(method, receiver, source, line)` of the class's methods that hand `self.receiver` what `self.source`
        returns: `self.encode(self.build_conversation(row))`, also through a local name assigned once."""
        for method in cls.methods.values():
            for call in self._calls_by_function.get(id(method), ()):
                receiver = is_self_attribute(call.func)
                argument = call.args[0] if receiver is not None and call.args else None
                if isinstance(argument, ast.Name) and len(method.assignments.get(argument.id, ())) == 1:
                    argument = method.assignments[argument.id][0]
                source = is_self_attribute(argument.func) if isinstance(argument, ast.Call) else None
                if receiver is not None and source is not None and source != receiver:
                    yield method.name, receiver, source, call.lineno

    def passes(self) -> Iterator[tuple[str, str, str, str, int]]:
        """`(class, method, receiver, source, line)` of the module's methods that hand `self.receiver` what
        `self.source` returns where the class leaves `source` to its subclasses (it does not define it, or only
        declares it): what a subclass's `source` returns is what its `receiver` is given."""
        for cls in self._classes.values():
            for method, receiver, source, line in self._handoff_sources(cls):
                defined = cls.method(source)
                if defined is None or defined.is_stub:
                    yield cls.name, method, receiver, source, line

    def handoffs(self) -> Iterator[Handoff]:
        """The module's handoffs whose source method, as the class defines it, ends its conversation knowably."""
        for cls in self._classes.values():
            for method, receiver, source, line in self._handoff_sources(cls):
                builder = cls.methods.get(source)
                shape = self.returned_shape(builder) if builder is not None else UNKNOWN_SHAPE
                if shape.kind in (ShapeKind.FULL, ShapeKind.PROMPT):
                    yield Handoff(cls.name, method, receiver, source, line, shape.kind.value, shape.evidence)

    def _handed_shape(self, name: str, function: FunctionInfo, depth: int) -> Shape:
        """The first parameter of a method that a method of its class, or of a base class (of the module or
        imported), hands what another method returns (`return self.encode(self.build_conversation(row))` in the
        base): what this class's override of that method returns, else what the base's returns."""
        cls = function.cls
        if cls is None or not function.call_params or function.call_params[0] != name or depth > MAX_RESOLUTION_DEPTH:
            return UNKNOWN_SHAPE
        for base in [cls.name, *cls.bases]:
            local = self._classes.get(base)
            if local is not None:
                for method, receiver, source, _ in self._handoff_sources(local):
                    builder = cls.methods.get(source) or local.methods.get(source)
                    if receiver != function.name or builder is None or builder is function:
                        continue
                    returned = self.returned_shape(builder, depth + 1)
                    if returned.kind is not ShapeKind.UNKNOWN:
                        evidence = (
                            f"`{name}`, which `{local.name}.{method}` gives it from `self.{source}(...)`, returning "
                            f"{returned.evidence}"
                        )
                        return Shape(returned.kind, evidence, related=returned.related)
                continue
            found = self.links.resolve(base)
            if found is None:
                continue
            summary, symbol = found
            for handoff in summary.handoffs_of(symbol):
                if handoff.receiver != function.name:
                    continue
                override = cls.methods.get(handoff.source)
                if override is not None:  # this class builds the conversation its own way
                    returned = self.returned_shape(override, depth + 1)
                    kind, words = returned.kind, returned.evidence
                else:
                    kind, words = ShapeKind(handoff.kind), handoff.evidence
                if kind is ShapeKind.UNKNOWN:
                    continue
                place = summary.place(handoff.line)
                evidence = (
                    f"`{name}`, which `{symbol}.{handoff.method}` ({place}) gives it from `self.{handoff.source}(...)`, "
                    f"returning {words}"
                )
                note = (
                    f"`{symbol}.{handoff.method}` hands `self.{handoff.receiver}` what `self.{handoff.source}` returns"
                )
                return Shape(kind, evidence, related=(Related(summary.path, handoff.line, note),))
        return UNKNOWN_SHAPE

    def _hooked_shape(self, name: str, function: FunctionInfo, depth: int) -> Shape:
        """The parameter of a method that overrides a renderer of an imported base class, whose method renders with
        it what another method gives (`self.render(self.to_messages(sample))`, and trains on it): what this class's
        own override of that other method returns (`to_messages` ending with the assistant's reply)."""
        cls = function.cls
        if cls is None or not function.call_params or function.call_params[0] != name:
            return UNKNOWN_SHAPE
        for base in cls.bases:
            found = self.links.resolve(base)
            if found is None:
                continue
            summary, symbol = found
            for hook in summary.hooks_of(symbol):
                source = cls.methods.get(hook.source)
                if hook.renderer != function.name or source is None:
                    continue
                returned = self.returned_shape(source, depth + 1)
                if returned.kind is not ShapeKind.FULL:
                    continue
                place = summary.place(hook.line)
                evidence = (
                    f"`{name}`, which `{symbol}.{hook.method}` ({place}) gives it from `self.{hook.source}(...)`, "
                    f"returning {returned.evidence}"
                )
                note = f"`{symbol}.{hook.method}` renders `self.{hook.source}(...)` with `self.{hook.renderer}`"
                return Shape(ShapeKind.FULL, evidence, related=(Related(summary.path, hook.line, note),))
        return UNKNOWN_SHAPE

    def _returned_shape(self, call: ast.Call, function: FunctionInfo, before: int, depth: int) -> Shape:
        """`build_messages(example)`, `self.build_messages(...)`: what the function of the module it calls returns,
        when every value it returns agrees; or, for a function that returns the conversation it is given with
        messages put in front (`with_system(messages)`), the conversation the call passes."""
        helper = self._helper(call, function)
        if helper is None:
            imported = self._imported_shape(call)
            return imported if imported.kind is not ShapeKind.UNKNOWN else self._imported_method_shape(call, function)
        switched = self.switched_end(helper, depth)
        if switched is not None and switch_on(switched[0], call) is False:
            # `self.messages(record, with_answer=False)`, `build_messages(problem)` (`solution` left at `None`):
            # the call turns off the message the helper appends last
            off = switched[1]
            if off.kind is ShapeKind.UNKNOWN:
                return off
            evidence = f"`{code(call)}`, which returns {off.evidence} {_skipped(switched[0], call)}"
            return Shape(off.kind, evidence, related=off.related)
        returned = self.returned_shape(helper, depth)
        if switched is not None and returned.kind is not ShapeKind.UNKNOWN:
            on = _switched_on(switched[0], call)  # ("" when the call sets the switch with a literal)
            evidence = f"`{code(call)}`, which returns {returned.evidence}{on}"
            return returned._replace(evidence=evidence, switched=bool(on))
        if returned.kind is ShapeKind.UNKNOWN:
            parameter = self._kept_end(helper)
            argument = bound_argument(call, list(helper.call_params), parameter) if parameter else None
            if argument is None:
                return returned
            returned = self._shape(argument, function, before, depth + 1)
            if returned.kind is ShapeKind.UNKNOWN:
                return returned
            return Shape(
                returned.kind, f"`{code(call)}`, which keeps the end of {returned.evidence}", related=returned.related
            )
        return Shape(returned.kind, f"`{code(call)}`, which returns {returned.evidence}", related=returned.related)

    def switched_end(self, helper: FunctionInfo, depth: int = 0) -> tuple[Switch, Shape] | None:
        """The switch of a helper whose last message is appended under a test of one of its parameters, and the end
        of what it returns when the switch is off (as the list is before that message)."""
        returns = function_flow(helper, self.flows).returns
        if len(returns) != 1 or not isinstance(returns[0], ast.Name):
            return None
        name = returns[0].id
        mutations = helper.mutations.get(name, [])
        if not mutations or mutations[-1][0] != "append":
            return None
        value = mutations[-1][1]
        test = _switch_around(helper.node, value)
        param = helper.params.get(test[0]) if test is not None else None
        if test is None or param is None or param.name not in helper.call_params:
            return None
        default = param.default
        literal = (
            repr(default.value)
            if isinstance(default, ast.Constant) and (default.value is None or isinstance(default.value, bool))
            else ""
        )
        switch = Switch(param.name, list(helper.call_params).index(param.name), test[1], literal)
        return switch, self._name_shape(returns[0], helper, self.order.get(value, 1 << 62), depth + 1)

    def kept_argument(self, call: ast.Call, function: FunctionInfo) -> ast.expr | None:
        """The argument a call of a helper of the module (`with_system(messages)`, `self._with_system(messages)`)
        returns with its end kept, if it is such a call."""
        helper = self._helper(call, function)
        parameter = self._kept_end(helper) if helper is not None else None
        return bound_argument(call, list(helper.call_params), parameter) if helper and parameter else None

    def checks(self, function: FunctionInfo) -> dict[str, tuple[str, str]]:
        """How the function checks its conversations end (`asserted_last_roles`), once per function."""
        found = self._own_checks.get(id(function))
        if found is None:
            found = self._own_checks[id(function)] = asserted_last_roles(function)
        return found

    def _helper(self, call: ast.Call, function: FunctionInfo) -> FunctionInfo | None:
        """The function of the module a call calls: a module-level function, a method of the caller's class, or
        one of an instance of a class of the module (`builder.messages(...)` with `builder = ChatBuilder(tok)`)."""
        method = is_self_attribute(call.func)
        if isinstance(call.func, ast.Name):
            return self.top_level.get(call.func.id)
        if method and function.cls is not None:
            return function.cls.methods.get(method)
        return instance_method(call.func, function, self.flows, self._classes)

    def _kept_end(self, helper: FunctionInfo) -> str | None:
        """The parameter whose end every value `helper` returns ends with (`return [system, *messages]`, `return
        list(messages)`), when the helper rebinds it only to values that keep its end (`messages =
        list(messages)`, `messages = [system] + messages`)."""
        flow = function_flow(helper, self.flows)
        remapped = _remapped_parameter(helper, flow.returns)
        if remapped is not None:
            return remapped
        ends = {_end_of(value, helper.assignments) for value in flow.returns}
        name = ends.pop() if len(ends) == 1 else None
        if name is None or name not in helper.params:
            return None
        if any(isinstance(value, ast.Name) and helper.mutations.get(value.id) for value in flow.returns):
            return None  # (a turn appended to the copy it returns ends it: `msgs = list(messages); msgs.append(...)`)
        bindings = flow.bindings.get(name, ())
        kept = all(
            binding.kind == "param"
            or (
                binding.kind == "assign"
                and binding.value is not None
                and _end_of(binding.value, helper.assignments) == name
            )
            for binding in bindings
        )
        return name if kept else None

    def returned_shape(self, function: FunctionInfo, depth: int = 0, position: int | None = None) -> Shape:
        """How the conversation `function` returns ends (full or prompt), when every value it returns agrees; with
        `position`, the conversation at that place of the tuples it returns (`return messages[:-1], messages[-1]`)."""
        if id(function) in self.busy:
            return UNKNOWN_SHAPE
        self.busy.add(id(function))
        try:
            returns = function_flow(function, self.flows).returns
            if position is not None:
                items = [_item(value, position) for value in returns]
                if any(item is None for item in items):
                    return UNKNOWN_SHAPE
                returns = [item for item in items if item is not None]
            shapes = [self._shape(value, function, self.order.get(value, 1 << 62), depth + 1) for value in returns]
        finally:
            self.busy.discard(id(function))
        if not shapes or any(shape.kind is not shapes[0].kind for shape in shapes):
            return UNKNOWN_SHAPE
        return shapes[0] if shapes[0].kind in (ShapeKind.FULL, ShapeKind.PROMPT) else UNKNOWN_SHAPE

    def yielded_shape(self, function: FunctionInfo, depth: int = 0) -> Shape:
        """How each conversation a generator yields ends (full or prompt), when every value it yields agrees
        (`yield row["messages"] + [reply]`); UNKNOWN for a function that returns a value."""
        flow = function_flow(function, self.flows)
        if not flow.yields or any(value is not None for value in flow.returns) or id(function) in self.busy:
            return UNKNOWN_SHAPE
        self.busy.add(id(function))
        try:
            shapes = [self._shape(value, function, self.order.get(value, 1 << 62), depth + 1) for value in flow.yields]
        finally:
            self.busy.discard(id(function))
        if any(shape.kind is not shapes[0].kind for shape in shapes):
            return UNKNOWN_SHAPE
        return shapes[0] if shapes[0].kind in (ShapeKind.FULL, ShapeKind.PROMPT) else UNKNOWN_SHAPE

    def _yielded_by(self, source: ast.expr, function: FunctionInfo, depth: int) -> Shape:
        """The conversations a loop over a call of a generator sees (`for conv in store.liked()`): what the
        generator yields, in this module or (a function, or a method of an instance of an imported class) in
        another one, as its summary says."""
        if not isinstance(source, ast.Call) or depth > MAX_RESOLUTION_DEPTH:
            return UNKNOWN_SHAPE
        helper = self._helper(source, function)
        if helper is not None:
            yielded = self.yielded_shape(helper, depth)
            if yielded.kind is ShapeKind.UNKNOWN:
                return yielded
            return yielded._replace(evidence=f"what `{code(source)}` yields: {yielded.evidence}")
        if not self.links:
            return UNKNOWN_SHAPE
        func = source.func
        found = self.links.resolve(func)
        if found is None and isinstance(func, ast.Attribute):
            cls = instance_class(func.value, function, self.flows)
            owner = self.links.resolve(cls) if cls is not None else None
            found = (owner[0], f"{owner[1]}.{func.attr}") if owner is not None else None
        return self._summary_shape(found, lambda _, place: f"what `{code(source)}` ({place}) yields:", items=True)

    def _unpacked_shape(self, binding: Binding, scope: FunctionInfo, depth: int) -> Shape:
        call, position = binding.value, binding.position
        assert isinstance(call, ast.Call) and position is not None
        helper = self._helper(call, scope)
        if helper is None:
            imported = self._imported_shape(call, position)
            return (
                imported._replace(evidence=f"`{binding.name}` = {imported.evidence}") if imported.evidence else imported
            )
        returned = self.returned_shape(helper, depth, position)
        if returned.kind is ShapeKind.UNKNOWN:
            return returned
        return Shape(
            returned.kind, f"`{binding.name}`, item {position} of what `{code(call)}` returns: {returned.evidence}"
        )

    def _property_shape(self, expr: ast.Attribute, function: FunctionInfo, depth: int) -> Shape:
        """`row.prompt`, where `row` is an instance of a class (of the module, or imported) whose property `prompt`
        returns a conversation whose end it shows (`return self.messages[:-1]`)."""
        cls = instance_class(expr.value, function, self.flows)
        name = dotted_name(cls) if cls is not None else None
        if cls is None or name is None:
            return UNKNOWN_SHAPE
        local = self._classes.get(name)
        if local is not None:
            method = local.methods.get(expr.attr)
            if method is None or not is_property(method):
                return UNKNOWN_SHAPE
            returned = self.returned_shape(method, depth + 1)
            if returned.kind is ShapeKind.UNKNOWN:
                return returned
            return Shape(returned.kind, f"`{code(expr)}`, the property `{name}.{expr.attr}`: {returned.evidence}")
        return self._member_shape(
            cls, expr.attr, lambda name, place: f"`{code(expr)}`, the property `{name}` ({place}):"
        )

    def _imported_method_shape(self, call: ast.Call, function: FunctionInfo) -> Shape:
        """`dialogue.as_messages()`, where `dialogue` is an instance of a class of another module (built, annotated,
        or made by one of its class methods: `TrainingDialogue.from_row(row)`) whose method returns a conversation
        whose end it shows, as that module's summary says."""
        if not isinstance(call.func, ast.Attribute):
            return UNKNOWN_SHAPE
        cls = instance_class(call.func.value, function, self.flows)
        if isinstance(cls, ast.Attribute) and isinstance(cls.value, ast.Name) and cls.value.id[:1].isupper():
            cls = cls.value  # `TrainingDialogue.from_row(row)`: a class method of the class (its summary decides)
        if cls is None or not self.links:
            return UNKNOWN_SHAPE
        return self._member_shape(cls, call.func.attr, lambda _, place: f"`{code(call)}` ({place}), which returns")

    def _member_shape(self, cls: ast.expr, member: str, words: Callable[[str, str], str]) -> Shape:
        """The conversation a property or method `member` of a class of another module gives, as that module's
        summary says; `words` puts the member's name and place into the evidence's start."""
        found = self.links.resolve(cls)
        return self._summary_shape((found[0], f"{found[1]}.{member}") if found is not None else None, words)

    def _summary_shape(
        self, found: tuple[ModuleSummary, str] | None, words: Callable[[str, str], str], items: bool = False
    ) -> Shape:
        """The conversation the function or member `found` names in another module gives (or, with `items`, each
        one it yields), as that module's summary says."""
        conversation = found[0].conversation(found[1], items=items) if found is not None else None
        if found is None or conversation is None:
            return UNKNOWN_SHAPE
        summary = found[0]
        place = summary.place(conversation.line)
        verb = "yields" if items else "gives"
        related = Related(summary.path, conversation.line, f"`{conversation.name}` {verb} the conversation")
        evidence = f"{words(conversation.name, place)} {conversation.evidence}"
        return Shape(ShapeKind(conversation.kind), evidence, related=(related,))

    def _imported_shape(self, call: ast.Call, position: int | None = None) -> Shape:
        """A function of another module that returns a conversation (or, at `position`, a tuple with one), as its
        summary says."""
        found = self.links.conversation(call.func, position)
        if found is None:
            return UNKNOWN_SHAPE
        conversation, summary = found
        place = summary.place(conversation.line)
        kind, returned = conversation.kind, conversation.evidence
        switch = conversation.switch
        if switch is not None and switch_on(switch, call) is False:  # the call turns off its last message
            kind, returned = conversation.off_kind, f"{conversation.off_evidence} {_skipped(switch, call)}"
            if kind == ShapeKind.UNKNOWN.value:
                return UNKNOWN_SHAPE
        elif switch is not None:
            returned += _switched_on(switch, call)
        evidence = f"`{code(call)}` ({place}), which returns {returned}"
        if position is not None:
            evidence = f"item {position} of what `{code(call)}` ({place}) returns: {conversation.evidence}"
        related = Related(summary.path, conversation.line, f"`{conversation.name}` builds the conversation")
        switched = switch is not None and not _literal_switch(switch, call)
        return Shape(ShapeKind(kind), evidence, related=(related,), switched=switched)

    def _asserted_shape(self, name: str, scope: FunctionInfo) -> Shape:
        """`assert msgs[-1]["role"] == "assistant"` in the function, `if msgs[-1]["role"] != "assistant": raise
        ...`, or a call of a function (of the module, or of another one) that checks so of the parameter it is
        handed (`split_conversation(msgs)`): the code says how the conversation ends."""
        found = self._asserted.get(id(scope))
        if found is None:
            found = self._asserted[id(scope)] = {**self._guarded_by_calls(scope), **self.checks(scope)}
        checked = found.get(name)
        if checked is None:
            return UNKNOWN_SHAPE
        role, how = checked
        return _role_shape(role, f"`{name}` ({how})")

    def _guarded_by_calls(self, scope: FunctionInfo) -> dict[str, tuple[str, str]]:
        """The names the function hands a function that checks how the conversation it is given ends."""
        found: dict[str, tuple[str, str]] = {}
        if scope.is_module:
            return found
        for test in exit_tests(scope):
            # `if not self.is_valid(messages): continue`: a predicate of the module, or of an imported base class
            call = test.operand if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) else None
            if isinstance(call, ast.Call):
                asked = self._predicate(call, scope)
                if asked is not None:
                    param, role, params, how = asked
                    given = bound_argument(call, params, param)
                    if isinstance(given, ast.Name):
                        found.setdefault(given.id, (role, how))
        for call in self._calls_by_function.get(id(scope), ()):
            if not call.args or not isinstance(call.func, ast.Name):
                continue
            local = self.top_level.get(call.func.id)
            if local is not None and local is not scope:
                for param, (role, _) in self.checks(local).items():
                    given = bound_argument(call, local.call_params, param) if param in local.call_params else None
                    if isinstance(given, ast.Name):
                        found.setdefault(given.id, (role, f"checked by `{local.name}`"))
                continue
            imported = self.links.role_guard(call.func)
            if imported is not None and not imported[0].predicate and not imported[0].extends:
                guard, summary = imported
                given = bound_argument(call, list(guard.params), guard.param)
                if isinstance(given, ast.Name):
                    found.setdefault(given.id, (guard.role, f"checked by `{guard.name}` ({summary.place(guard.line)})"))
        return found

    def _predicate(self, call: ast.Call, scope: FunctionInfo) -> tuple[str, str, list[str], str] | None:
        """The predicate a call asks (`predicate_role`): (its parameter, the role, its parameters, in words)."""
        helper = self._helper(call, scope)
        if helper is not None:
            found = predicate_role(helper)
            return (*found, list(helper.call_params), f"checked by `{helper.qualname}`") if found else None
        imported = self.links.role_guard(call.func) if self.links else None
        method = is_self_attribute(call.func)
        if imported is None and method and scope.cls is not None and method not in scope.cls.methods:
            imported = next(
                (item for base in scope.cls.bases if (item := self.links.method_role_guard(base, method))), None
            )
        if imported is None or not imported[0].predicate:
            return None
        guard, summary = imported
        return guard.param, guard.role, list(guard.params), f"checked by `{guard.name}` ({summary.place(guard.line)})"

    def _binding_shape(self, binding: Binding, scope: FunctionInfo, before: int, depth: int) -> Shape:
        name = binding.name
        if binding.kind == "param":
            return _name_only_shape(name, f"the parameter `{name}`")
        if binding.kind == "unpack" and isinstance(binding.value, ast.Call) and binding.position is not None:
            # `history, reply = split_last_turn(messages)`: one element of the tuples a function returns
            return self._unpacked_shape(binding, scope, depth)
        if binding.kind == "loop" and binding.value is not None:
            yielded = self._yielded_by(binding.value, scope, depth + 1)
            if yielded.kind is not ShapeKind.UNKNOWN:
                return yielded._replace(evidence=f"`{name}`, each item of {yielded.evidence}")
            inner = self._element_shape(binding.value, scope, before, depth + 1)
            if inner.kind is ShapeKind.CONVERSATION:
                return Shape(ShapeKind.CONVERSATION, f"`{name}`, each of {inner.evidence}")
            return UNKNOWN_SHAPE
        if binding.kind != "assign" or binding.value is None:
            return UNKNOWN_SHAPE
        # `conv = conv[1:]`: the value is read as it was before this assignment
        inner = self._shape(binding.value, scope, self.order.get(binding.value, before), depth + 1)
        if inner.kind is ShapeKind.UNKNOWN:
            return inner
        return inner._replace(evidence=f"`{name}` = {inner.evidence}")

    def _attribute_mutated_shape(
        self, expr: ast.Attribute, function: FunctionInfo, before: int, depth: int
    ) -> Shape | None:
        """`self.messages` read after `self.messages.append(...)` in the same method (its list built on the
        instance: `self._reset(); self.messages.append(user); self.messages.append(reply)`): the shape after the last
        mutation, as for a local list; None when the method does not mutate it first, or assigns it again after."""
        name = dotted_name(expr)
        if name is None or not name.startswith("self.") or name not in function.mutations:
            return None
        mutations = [(kind, value) for kind, value in function.mutations[name] if self.order.get(value, 0) < before]
        if not mutations:
            return None
        last = self.order.get(mutations[-1][1], 0)
        for node in nodes_under(function.node.body):
            if (
                isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Delete))
                and last < self.order.get(node, 0) < before
            ):
                targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
                if any(dotted_name(target) == name for target in targets):
                    return None  # (assigned again between the append and the read)
        return self._mutated_shape(name, function, mutations, before, depth)

    def _mutated_shape(
        self, name: str, function: FunctionInfo, mutations: list[tuple[str, ast.expr]], before: int, depth: int
    ) -> Shape:
        """The shape of `name` after its last `.append(...)` / `.extend(...)` / `+=`."""
        kind, value = mutations[-1]
        at = self.order.get(value, before)
        if kind == "append":
            role = self._message_role(value, function, at, depth + 1)
            if (
                value in function.conditional_mutations
                and any(
                    other_kind == "append" and self._message_role(other, function, at, depth + 1) != role
                    for other_kind, other in mutations[:-1]
                )
                and not _is_switch(function, value)
            ):
                # `if i % 2 == 0: conv.append(user) else: conv.append(assistant)`: the data decides the end (but
                # under `if answer is not None:`, a test of a parameter, each call decides: `switch_on`)
                return UNKNOWN_SHAPE
            return _role_shape(role, f"`{name}` after `{name}.append({shortened(code(value), 60)})`")
        inner = self._shape(value, function, at, depth + 1)
        if inner.kind is ShapeKind.UNKNOWN:
            return inner
        # (as `[system] + messages` does: a conversation known only by its name, `conv.extend(messages)`, keeps that
        # weaker kind; only one shown to end with the reply makes the whole a full conversation)
        full = inner.kind is ShapeKind.FULL or inner.is_reply
        return Shape(ShapeKind.FULL if full else inner.kind, f"`{name}` extended with {inner.evidence}")


def _is_switch(function: FunctionInfo, value: ast.expr) -> bool:
    """Is `value` appended under a test of one of the function's parameters (`if answer is not None:`)?"""
    test = _switch_around(function.node, value)
    return test is not None and test[0] in function.call_params


def _switch_around(node: ast.AST, value: ast.expr) -> tuple[str, str] | None:
    """When `value` is appended by the only statement of an `if` without `else` in the function `node` that tests
    a name: (the name, the test: "truthy" for `if name:`, "falsy" for `if not name:`, "not None" for `if name is
    not None:`, "None" for `if name is None:`)."""
    for statement in _statements(node):
        if not isinstance(statement, ast.If) or statement.orelse or len(statement.body) != 1:
            continue
        only = statement.body[0]
        if not (isinstance(only, ast.Expr) and isinstance(only.value, ast.Call) and value in only.value.args):
            continue
        test = statement.test
        if isinstance(test, ast.Name):
            return test.id, "truthy"
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and isinstance(test.operand, ast.Name):
            return test.operand.id, "falsy"
        if (
            isinstance(test, ast.Compare)
            and isinstance(test.left, ast.Name)
            and len(test.ops) == 1
            and isinstance(test.ops[0], (ast.Is, ast.IsNot))
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value is None
        ):
            return test.left.id, "not None" if isinstance(test.ops[0], ast.IsNot) else "None"
    return None


_LITERALS = {"True": True, "False": False, "None": None}


def _skipped(switch: Switch, call: ast.Call) -> str:
    """`(`with_reply=False` skips the message after it)`, with what the call passes (or the default it keeps)."""
    given = _given(switch, call)
    return f"(`{switch.param}={code(given) if given is not None else switch.default}` skips the message after it)"


def _switched_on(switch: Switch, call: ast.Call) -> str:
    """` (when `answer` is not None)`: what the message appended last is appended under, when the call does not
    pass a literal for it."""
    if _literal_switch(switch, call):
        return ""
    test = {"truthy": "is true", "falsy": "is false", "not None": "is not None", "None": "is None"}[switch.test]
    return f" (when `{switch.param}` {test})"


def _literal_switch(switch: Switch, call: ast.Call) -> bool:
    """Does the call set the switch with a literal (or keep a literal default)? A value read from the data
    (`ex["answer"]`) passed for an `is not None` test counts too: it is never None; a name may have been set to
    None (`answer = ex["answer"] if with_answer else None`)."""
    given = _given(switch, call)
    if given is None:
        return switch.default in _LITERALS and not (passes_star_args(call) or star_kwargs(call))
    return isinstance(given, ast.Constant) or (switch.test in ("not None", "None") and not isinstance(given, ast.Name))


def _given(switch: Switch, call: ast.Call) -> ast.expr | None:
    """What `call` passes for the switch's parameter, by keyword or by position."""
    given = keyword_value(call, switch.param)
    return given if given is not None else positional(call, switch.index)


def switch_on(switch: Switch, call: ast.Call) -> bool | None:
    """Does `call` turn the helper's switch on (append the message): True, False, or None when it does not say (a
    value the data decides; `*args` or `**kwargs`)."""
    given = _given(switch, call)
    if given is None:
        if passes_star_args(call) or star_kwargs(call) or switch.default not in _LITERALS:
            return None
        value = _LITERALS[switch.default]
    elif isinstance(given, ast.Constant) and (given.value is None or isinstance(given.value, bool)):
        value = given.value
    else:  # an expression: a value is passed for an `is not None` test; its truth is the data's
        return {"not None": True, "None": False}.get(switch.test)
    return {"truthy": bool(value), "falsy": not value, "not None": value is not None, "None": value is None}[
        switch.test
    ]


def _written_messages(expr: ast.Tuple) -> bool:
    """A tuple of messages written out (`({"role": "user", ...}, {"role": "assistant", ...})`), not a tuple of
    values (`return prompt, response`)."""
    return bool(expr.elts) and all(
        (isinstance(item, ast.Dict) and any(string_value(key) in ("role", "from") for key in item.keys))
        or (isinstance(item, ast.Call) and dotted_name(item.func) == "dict" and keyword_value(item, "role"))
        for item in expr.elts
    )


def _item(value: ast.expr, position: int) -> ast.expr | None:
    """The element at `position` of a tuple written out (`messages[:-1], messages[-1]`), without `*` items."""
    if not isinstance(value, ast.Tuple) or position >= len(value.elts):
        return None
    return None if any(isinstance(item, ast.Starred) for item in value.elts) else value.elts[position]


def asserted_last_roles(function: FunctionInfo) -> dict[str, tuple[str, str]]:
    """The names whose last message's role the function checks, with the role and how: `assert msgs[-1]["role"] ==
    "assistant"` ("asserted"), or `if msgs[-1]["role"] != "assistant": raise ...` (also `if not msgs or ...`:
    "checked")."""
    found: dict[str, tuple[str, str]] = {}
    text = code(function.node)
    if function.is_module or "role" not in text:
        return found
    if "assert" not in text and "raise" not in text and "continue" not in text and "return" not in text:
        return found
    for statement in _statements(function.node):
        if isinstance(statement, ast.Assert):
            checked = _role_test(statement.test, ast.Eq)
            if checked is not None:
                found[checked[0]] = (checked[1], "asserted")
        elif isinstance(statement, ast.If):
            for test in _exit_tests_of(statement):
                checked = _role_test(test, ast.NotEq)
                if checked is not None:
                    found[checked[0]] = (checked[1], "checked")
    return found


def _encloses(outer: ast.AST, inner: ast.AST) -> bool:
    """Does `outer`'s source span hold `inner`'s (`inner` read while `outer` is evaluated)?"""
    start = (getattr(outer, "lineno", None), getattr(outer, "col_offset", None))
    end = (getattr(outer, "end_lineno", None), getattr(outer, "end_col_offset", None))
    at = (getattr(inner, "lineno", None), getattr(inner, "col_offset", None))
    if None in (*start, *end, *at):
        return False
    return start <= at <= end


def _remapped_parameter(helper: FunctionInfo, returns: list[ast.expr]) -> str | None:
    """The parameter a helper maps turn by turn into the list it returns: `out = []`, then `for turn in messages:`
    whose body appends to `out` once, not under a condition and with no `continue` or `break` (a `raise` may stop
    it), and `return out`: the last turn stays last. Turns appended before the loop (a system prompt, under a
    test or not) put turns before it, and keep its end too."""
    if len(returns) != 1 or not isinstance(returns[0], ast.Name):
        return None
    out = returns[0].id
    assigned = helper.assignments.get(out, [])
    mutations = helper.mutations.get(out, [])
    if len(assigned) != 1 or not (isinstance(assigned[0], ast.List) and not assigned[0].elts) or not mutations:
        return None
    for loop in _statements(helper.node):
        if not isinstance(loop, ast.For) or not isinstance(loop.iter, ast.Name) or loop.orelse:
            continue
        if loop.iter.id not in helper.params or loop.iter.id in helper.assignments:
            continue
        end = loop.end_lineno or loop.lineno
        inside = [(kind, value) for kind, value in mutations if loop.lineno <= value.lineno <= end]
        if len(inside) != 1 or any(value.lineno > end for _, value in mutations):
            continue  # (a turn appended after the loop ends the list)
        kind, value = inside[0]
        appends = [
            statement
            for statement in loop.body
            if isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Call)
            and any(argument is value for argument in statement.value.args)
        ]
        leaves = any(isinstance(node, (ast.Continue, ast.Break)) for node in ast.walk(loop))
        if kind == "append" and len(appends) == 1 and not leaves:
            return loop.iter.id
    return None


def _exits(statement: ast.If) -> bool:
    """Does the `if` leave what follows when its test holds (`raise`, `continue` in a loop, a bare `return`)?"""
    first = statement.body[0] if statement.body else None
    if isinstance(first, ast.Return):
        return first.value is None or (isinstance(first.value, ast.Constant) and first.value.value is None)
    return isinstance(first, (ast.Raise, ast.Continue))


def exit_tests(function: FunctionInfo) -> Iterator[ast.expr]:
    """The tests of the `if`s that leave the rest of the function (or loop body) when they hold, split on `or`."""
    for statement in _statements(function.node):
        if isinstance(statement, ast.If):
            yield from _exit_tests_of(statement)


def _exit_tests_of(statement: ast.If) -> list[ast.expr]:
    """The test of an `if` that leaves what follows when it holds (see `_exits`), split on `or`; none otherwise."""
    if not _exits(statement):
        return []
    test = statement.test
    return list(test.values) if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or) else [test]


def predicate_role(function: FunctionInfo) -> tuple[str, str] | None:
    """(parameter, role) for a function whose one statement returns a test that holds only when its parameter's
    last message has that role: `return bool(msgs) and msgs[-1]["role"] == "assistant"`."""
    body = getattr(function.node, "body", [])
    if body and isinstance(body[0], ast.Expr) and string_value(body[0].value) is not None:
        body = body[1:]  # (a docstring)
    if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
        return None
    test = body[0].value
    for operand in test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]:
        checked = _role_test(operand, ast.Eq)
        if checked is not None and checked[0] in function.call_params:
            return checked
    return None


def _statements(node: ast.AST) -> Iterator[ast.stmt]:
    """The statements of a function, in its blocks too (not the expressions: a check is a statement)."""
    pending = list(getattr(node, "body", []))
    while pending:
        statement = pending.pop()
        yield statement
        for field in ("body", "orelse", "finalbody", "handlers"):
            pending.extend(getattr(statement, field, []))


def _role_test(test: ast.expr, operator: type[ast.cmpop]) -> tuple[str, str] | None:
    """(name, role) for `name[-1]["role"] <operator> "role"`."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], operator):
        return None
    role = string_value(test.comparators[0])
    name = _last_role_of(test.left)
    return (name, role) if role is not None and name is not None else None


def _last_role_of(node: ast.expr) -> str | None:
    """`msgs` for `msgs[-1]["role"]` or `msgs[-1].get("role")`."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
        key, last = string_value(node.args[0]), node.func.value
    elif isinstance(node, ast.Subscript):
        key, last = string_value(node.slice), node.value
    else:
        return None
    if key != "role" or not isinstance(last, ast.Subscript):
        return None
    index = last.slice
    if not (isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub) and string_value(index) is None):
        return None
    if not (isinstance(index.operand, ast.Constant) and index.operand.value == 1):
        return None
    return last.value.id if isinstance(last.value, ast.Name) else None


def _key_of(expr: ast.expr, function: FunctionInfo) -> str | None:
    """The data key of `example["messages"]`, `example[self.messages_key]`, `example.get("prompt")`."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get":
        return _resolve_key(_unstarred(expr.args[0]), function) if expr.args else None
    if not isinstance(expr, ast.Subscript) or isinstance(expr.slice, (ast.Slice, ast.Tuple)):
        return None
    return _resolve_key(expr.slice, function)


def _end_of(value: ast.expr, assignments: dict[str, list[ast.expr]] | None = None, depth: int = 0) -> str | None:
    """The name whose end `value` ends with: `messages`, `list(messages)`, `messages.copy()`, `[system,
    *messages]`, `[system] + messages`, `messages[-k:]` (a slice that keeps the end), through a local name
    assigned one such value (`rest = messages[1:]`, then `system + rest`; `assignments`: the function's)."""
    if depth > 8:
        return None
    if isinstance(value, ast.Name):
        assigned = (assignments or {}).get(value.id, [])
        if len(assigned) == 1:
            through = _end_of(assigned[0], assignments, depth + 1)
            if through is not None and through != value.id:
                return through
        return value.id
    if isinstance(value, ast.Call) and dotted_name(value.func) in _COPY_CALLS and len(value.args) == 1:
        return _end_of(value.args[0], assignments, depth + 1)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "copy":
        return _end_of(value.func.value, assignments, depth + 1) if not value.args else None
    if isinstance(value, ast.List) and value.elts and isinstance(value.elts[-1], ast.Starred):
        return _end_of(value.elts[-1].value, assignments, depth + 1)
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        return _end_of(value.right, assignments, depth + 1)
    if isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Slice):
        cut = value.slice
        if cut.upper is None and cut.step is None:  # `messages[1:]`, `messages[-k:]`: the end is kept
            return _end_of(value.value, assignments, depth + 1)
    if isinstance(value, ast.ListComp) and len(value.generators) == 1 and not value.generators[0].ifs:
        # `[{"role": m["role"], "content": m["content"].strip()} for m in messages]`: turn by turn, the last last
        target = value.generators[0].target
        if isinstance(target, ast.Name) and any(
            isinstance(node, ast.Name) and node.id == target.id for node in ast.walk(value.elt)
        ):
            return _end_of(value.generators[0].iter, assignments, depth + 1)
    return None


def _unstarred(node: ast.expr) -> ast.expr:
    return node.value if isinstance(node, ast.Starred) else node


def _resolve_key(node: ast.expr, function: FunctionInfo) -> str | None:
    value = string_value(node)
    if value is not None:
        return value
    attribute = is_self_attribute(node)
    if attribute and function.self_class is not None:
        cls = function.self_class
        default = cls.fields.get(attribute)
        if default is None:
            assigned = cls.init_attributes.get(attribute)
            default = assigned
            init = cls.methods.get("__init__")
            if isinstance(assigned, ast.Name) and init is not None and assigned.id in init.params:
                default = init.params[assigned.id].default
        return string_value(default)
    if isinstance(node, ast.Name) and node.id in function.params:
        return string_value(function.params[node.id].default)
    return None


def _key_shape(key: str, text: str) -> Shape:
    lowered = key.lower().lstrip("_")  # (`example["_response"]`: a column a conversion step wrote, marked private)
    if lowered in PROMPT_KEYS:
        return Shape(ShapeKind.PROMPT, f"`{text}`, a prompt")
    if lowered in REPLY_KEYS:
        return Shape(ShapeKind.CONVERSATION, f"`{text}`, which ends with the assistant reply", is_reply=True)
    if lowered in CONVERSATION_KEYS:
        return Shape(ShapeKind.CONVERSATION, f"`{text}`, which ends with the assistant reply")
    return UNKNOWN_SHAPE


def _name_only_shape(name: str, text: str) -> Shape:
    lowered = name.lower()
    if lowered in PROMPT_KEYS or lowered.startswith("prompt"):
        return Shape(ShapeKind.PROMPT, f"{text}, a prompt")
    if lowered in CONVERSATION_KEYS:
        return Shape(ShapeKind.CONVERSATION, f"{text}, a conversation that ends with the assistant reply")
    return UNKNOWN_SHAPE


def _empty_content(message: ast.expr) -> bool:
    """A message written out with an empty content and nothing else (`{"role": "assistant", "content": ""}`, or
    `None`); not a reply of tool calls (`{"role": "assistant", "content": "", "tool_calls": calls}`)."""
    if not isinstance(message, ast.Dict) or {string_value(key) for key in message.keys} != {"role", "content"}:
        return False
    content = next(value for key, value in zip(message.keys, message.values) if string_value(key) == "content")
    return isinstance(content, ast.Constant) and content.value in ("", None)


def _role_shape(role: str | None, text: str) -> Shape:
    if role is None:
        return UNKNOWN_SHAPE
    if role.lower() in ASSISTANT_ROLES:
        return Shape(ShapeKind.FULL, f"{text} ending with an `{role}` turn")
    if role.lower() in PROMPT_ROLES:
        return Shape(ShapeKind.PROMPT, f"{text} ending with a `{role}` turn")
    return UNKNOWN_SHAPE
