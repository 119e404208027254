"""Finding every call that renders a chat template, in all its disguises, and where its result goes.

A template call is `x.apply_chat_template(conv, ...)`, or a call through an alias (`render = tok.apply_chat_template`),
through `functools.partial`, or through a thin wrapper: a function in the same module that hands one of its
parameters to `apply_chat_template` as the conversation. For a wrapper call the conversation and flags are the ones
the call site passes (or the wrapper's defaults), as they reach the real call.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from chatlint.facts.config_switches import configured_flag
from chatlint.facts.flags import (
    FLAG_NAMES,
    WHOLE_MAPPING,
    absent,
    attribute_flag,
    call_flag,
    flag_from_expression,
    flag_from_kwargs,
    mapping_value,
    merges_caller_kwargs,
    shown_flag,
    spread_source,
)
from chatlint.facts.flow import FunctionFlow, agreed_by_callers, function_flow, instance_class
from chatlint.facts.handed import constructions
from chatlint.facts.links import Links, imported_origin
from chatlint.facts.model import (
    UNKNOWN_SHAPE,
    CallSite,
    ClassInfo,
    Flag,
    FlagSource,
    FunctionInfo,
    Route,
    Shape,
    ShapeKind,
    SpreadSource,
    TemplateCall,
    classes_of,
)
from chatlint.facts.shapes import ShapeResolver
from chatlint.facts.summary import ForwardedFlag, ModuleSummary, RendererFactory, TextSummary, WrapperSummary
from chatlint.facts.syntax import (
    bool_literal,
    bound_argument,
    called_name,
    code,
    dotted_name,
    first_argument,
    is_partial,
    is_self_attribute,
    keyword_value,
    passes_star_args,
    positional,
    shortened,
    star_kwargs,
    string_value,
)
from chatlint.findings import Related, printable_path

TEMPLATE_METHOD = "apply_chat_template"
_WRAPPER_ROUNDS = 3


@dataclass
class _Route:
    """How a callee reaches `apply_chat_template`."""

    kind: Route  # ALIAS, PARTIAL or WRAPPER
    label: str  # for messages
    partial: ast.Call | None = None  # the partial(...) call, for its keywords
    partial_scope: FunctionInfo | None = None  # the function the partial is made in (whose names its `**` reads)
    wrapper: FunctionInfo | None = None
    inner: TemplateCall | None = None  # the wrapper's own template call
    conversation_parameter: str | None = None
    skip_self: bool = False
    # a partial made by a function of another module (`self.render = make_renderer(tok)`): the flags it binds, and
    # where
    flags: tuple[tuple[str, bool], ...] = ()
    related: tuple[Related, ...] = ()
    # an item of a registry of another module holding partials of one of its wrappers (`self.encode =
    # PROMPT_ENCODERS[style]`): that wrapper, with the flags the partials bind
    imported: tuple[WrapperSummary, ModuleSummary] | None = None


@dataclass
class _Collector:
    resolver: ShapeResolver
    functions: list[FunctionInfo]
    calls: list[CallSite]
    _classes: dict[str, ClassInfo]  # the module's classes by name
    # aliases and partials, by (id of the function they are assigned in, name); wrappers by function name
    aliases: dict[tuple[int, str], _Route] = field(default_factory=dict)
    # wrappers by (name, whether it is a method): a module function and a method may share a name
    wrappers: dict[tuple[str, bool], _Route] = field(default_factory=dict)
    # method wrappers by (class name, method name): two classes of the module may each have a `render`
    method_wrappers: dict[tuple[str, str], _Route] = field(default_factory=dict)
    # id of a wrapper's call site -> flag -> the expression that call passes for the flag, by keyword or by
    # position: what a wrapper around that wrapper forwards (`render(tok, messages, generation)`)
    passed: dict[int, dict[str, ast.expr]] = field(default_factory=dict)
    # what the module learns from the modules it imports (their wrappers)
    links: Links | None = None
    # the names the module calls a library's own rendering functions by, not a tokenizer's method
    # (`mlx_vlm.apply_chat_template(processor, config, prompt)`: `facts.library_renders`)
    library_renders: frozenset[str] = frozenset()

    def collect(self) -> list[TemplateCall]:
        self._find_aliases()
        found: dict[int, TemplateCall] = {}
        for _ in range(_WRAPPER_ROUNDS):
            new = False
            for call, function, ancestors in self.calls:
                if id(call) in found:
                    continue
                template_call = self._template_call(call, function, ancestors)
                if template_call is None:
                    continue
                found[id(call)] = template_call
                new = True
                self._maybe_wrapper(template_call)
            if not new:
                break
        ordered = [found[id(call)] for call, _, _ in self.calls if id(call) in found]
        for template_call in ordered:
            self._constructed_flags(template_call)
            self._flags_from_callers(template_call)
        called_wrappers = {template_call.via for template_call in ordered if template_call.through_wrapper}
        for route in self.wrappers.values():
            # judged where the wrapper is called, unless the wrapper itself shows how the conversation ends (it
            # checks: `assert conv[-1]["role"] == "assistant"`)
            if route.inner is not None and route.label in called_wrappers and not route.inner.shape.known_end:
                route.inner.deferred = True
        return ordered

    # -- aliases and partials -------------------------------------------------------------------------------------
    def _find_aliases(self) -> None:
        for function in self.functions:
            for name, values in function.assignments.items():
                for value in values:
                    self._maybe_alias((id(function), name), name, value, function)
        # `self.render = tokenizer.apply_chat_template` (or a partial of it) in `__init__`
        classes = {id(function.cls): function.cls for function in self.functions if function.cls is not None}
        for cls in classes.values():
            for attribute, value in cls.init_attributes.items():
                init = cls.methods.get("__init__") or cls.methods.get("__post_init__")
                self._maybe_alias((id(cls), attribute), f"self.{attribute}", value, init)

    def _maybe_alias(self, key: tuple[int, str], name: str, value: ast.expr, scope: FunctionInfo | None) -> None:
        if _names_template_method(value):
            self.aliases[key] = _Route(Route.ALIAS, f"the alias `{name}`")
        elif isinstance(value, ast.Call) and is_partial(value) and value.args:
            target = first_argument(value)
            if isinstance(target, ast.Attribute) and target.attr == TEMPLATE_METHOD:
                label = f"the `functools.partial` `{name}`"
                self.aliases[key] = _Route(Route.PARTIAL, label, partial=value, partial_scope=scope)
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in self._factories:
            factory = self._factories[value.func.id]
            label = f"{_made(factory, name)} (line {factory.line})"
            self.aliases[key] = _Route(Route.PARTIAL, label, flags=bound_flags(factory, value))
        elif isinstance(value, ast.Subscript) and self.links:
            held = self.links.wrapper_registry(value.value)
            if held is not None:
                wrapper, summary = held
                label = f"an item of `{code(value.value)}`, a partial of the wrapper `{wrapper.name}`"
                self.aliases[key] = _Route(Route.WRAPPER, label, imported=held)
        elif isinstance(value, ast.Call) and self.links:
            imported = self.links.renderer_factory(value.func)
            if imported is not None:
                factory, summary = imported
                label = f"{_made(factory, name)} ({summary.place(factory.line)})"
                related = (Related(summary.path, factory.line, f"`{factory.name}` binds the template's flags"),)
                self.aliases[key] = _Route(Route.PARTIAL, label, flags=bound_flags(factory, value), related=related)

    @functools.cached_property
    def _factories(self) -> dict[str, RendererFactory]:
        """The module's own renderer factories (see `renderer_factories`), by name."""
        return renderer_factories(self.functions, self.resolver.flows)

    # -- wrappers -------------------------------------------------------------------------------------------------
    def _maybe_wrapper(self, template_call: TemplateCall) -> None:
        function = template_call.function
        key = (function.name, function.cls is not None)
        method_key = (function.cls.name, function.name) if function.cls is not None else None
        if function.is_module or (function.name == TEMPLATE_METHOD and method_key is None):
            return
        if key in self.wrappers and method_key is None:
            return
        if method_key is not None and method_key in self.method_wrappers:
            return
        parameter = conversation_parameter(template_call)
        if parameter is None:
            return
        route = _Route(
            Route.WRAPPER,
            f"the wrapper `{function.qualname}`",
            wrapper=function,
            inner=template_call,
            conversation_parameter=parameter,
            skip_self=function.cls is not None,
        )
        self.wrappers.setdefault(key, route)
        if method_key is not None:
            self.method_wrappers[method_key] = route

    def _method_wrapper(self, func: ast.Attribute, function: FunctionInfo) -> _Route | None | bool:
        """The wrapper method a call of a method names, when the code shows the receiver's class (`self`, an
        instance built or annotated): that class's wrapper (or a local base class's), None when the class is one
        of the module's and has no such wrapper; False when the class is not known."""
        if _own_self_of_a_nested_function(func, function):
            return None  # (another object's method defined inline: its `self` is not the enclosing class's)
        cls_name = self._receiver_class(func, function)
        classes = self._classes
        if not cls_name or cls_name not in classes:
            return False
        pending, seen = [cls_name], set()
        while pending:
            name = pending.pop(0)
            if name in seen or name not in classes:
                continue
            seen.add(name)
            route = self.method_wrappers.get((name, func.attr))
            if route is not None:
                # (`tok = getattr(self, "tokenizer", None)` in a base's method, on a class that never sets it: the
                # method renders nothing for it)
                return None if _never_given(route, classes[cls_name]) else route
            if func.attr in classes[name].methods:
                return None  # the class defines the method, and it is no wrapper
            pending.extend(base.split(".")[-1] for base in classes[name].bases)
        return None

    def _own_class_method(self, func: ast.Attribute, function: FunctionInfo) -> bool:
        """`engine.apply_chat_template(messages)` on an instance of a class of the module, or of an imported one,
        that defines that method itself (`class Engine: def apply_chat_template(self, messages): ...`): the
        project's own method, judged as a wrapper, not a tokenizer's."""
        cls_name = self._receiver_class(func, function)
        classes = self._classes
        if cls_name and cls_name in classes:
            lineage = classes[cls_name].lineage()
            method = next((cls.methods[func.attr] for cls in lineage if func.attr in cls.methods), None)
            # (a `Protocol`'s stub types a real tokenizer; a tokenizer's subclass renders as one)
            return (
                method is not None
                and not method.is_stub
                and not any(_TOKENIZER_BASE.search(base) for cls in lineage for base in cls.bases)
            )
        if not self.links or dotted_name(func.value) in ("self", "cls"):
            return False
        cls = instance_class(func.value, function, self.resolver.flows)
        return cls is not None and self.links.method_render(cls, func.attr) is not None

    def _receiver_class(self, func: ast.Attribute, function: FunctionInfo) -> str | None:
        """The name of the class of the instance a method is called on, when the code shows it (`self`, an instance
        built or annotated)."""
        if dotted_name(func.value) in ("self", "cls") and function.self_class is not None:
            return function.self_class.name
        built = instance_class(func.value, function, self.resolver.flows)
        return (dotted_name(built) or "").split(".")[-1] if built is not None else None

    def _constructed_flags(self, template_call: TemplateCall) -> None:
        """A flag the instance keeps from a parameter of its class's constructor (`add_generation_prompt=
        self.header` with `self.header = header` in `__init__`, or a dataclass field) takes the value a construction
        of the class in the module passes for it when that differs from the default (`ChatCollator(tok, 1024,
        True)`): the render runs with it for that instance. Reported there, where the value is set."""
        for flag_name, flag in list(template_call.flags.items()):
            if flag.constructed is None or flag.value is None:
                continue
            class_name, parameter = flag.constructed
            cls = self._classes.get(class_name)
            if cls is None:
                continue
            switch = {class_name: [(parameter, cls.constructor_params)]}
            built_here = constructions((call for call, _, _ in self.calls), switch, self._configured_argument)
            here = next((item for item in built_here if item.value != flag.value), None)
            if here is not None:
                where = f"`{code(here.argument)}` passed for `{parameter}` by `{class_name}(...)` (line {here.line})"
                # (a configuration's field passed: its default renders, and a configuration may change it, so no
                # fix edits it)
                node = here.argument if bool_literal(here.argument) is not None else None
                where += f", which defaults to `{here.value}`" if node is None else ""
                template_call.flags[flag_name] = Flag(flag_name, here.value, True, node, FlagSource.ATTRIBUTE, where)
                template_call.related = (*template_call.related, *here.related)
            else:
                # built with another value by a module of the run (`ChatCollator(tok, 1024, True)` in `train.py`)
                values = self.links.constructions.get(flag.constructed, []) if self.links else []
                built = next((item for item in values if item[0] != flag.value), None)
                if built is not None:
                    value, path, line = built
                    place = f"{printable_path(path)}:{line}"
                    where = f"`{value}` passed for `{parameter}` by `{class_name}(...)` ({place})"
                    template_call.flags[flag_name] = Flag(flag_name, value, True, None, FlagSource.ATTRIBUTE, where)
                    note = f"builds `{class_name}` with `{parameter}={value}`"
                    template_call.related = (*template_call.related, Related(path, line, note))

    def _flags_from_callers(self, template_call: TemplateCall) -> None:
        """A flag given a parameter of a module-level function that is not a wrapper (`add_generation_prompt=
        add_generation_prompt` in a `.map()` function that renders `example["messages"]`) takes the value every call
        of the module passes for it, also through `.map(fn, fn_kwargs=...)` or a partial (`fmt = partial(
        render_row, add_generation_prompt=cfg.add_generation_prompt)`, then `ds.map(fmt)`): a literal, or the
        default a configuration's field declares."""
        function = template_call.function
        if not function.callers or template_call.through_wrapper:
            return
        for flag_name, flag in list(template_call.flags.items()):
            given = keyword_value(template_call.call, flag_name)
            if flag.value is not None or flag.source is not FlagSource.PARAMETER or not isinstance(given, ast.Name):
                continue

            def resolve(
                argument: ast.expr, caller: FunctionInfo, name: str = flag_name
            ) -> tuple[bool, ast.expr | None, tuple[Related, ...], ast.expr] | None:
                literal = bool_literal(argument)
                if literal is not None:
                    return literal, argument, (), argument
                found = configured_flag(name, argument, caller, self.resolver.flows, self._classes, self.links)
                if found is None or found[0].value is None:
                    return None
                return found[0].value, None, found[1], argument

            agreed = agreed_by_callers(function, given.id, resolve, lambda item: item[0], set())
            if agreed is not None:
                value, node, related, argument = agreed
                where = (
                    f"`{code(argument)}` passed for the parameter `{given.id}` by its callers (line {argument.lineno})"
                )
                where += f", which defaults to `{value}`" if node is None else ""
                template_call.flags[flag_name] = Flag(flag_name, value, True, node, FlagSource.PARAMETER, where)
                template_call.related = (*template_call.related, *related)

    def _configured_argument(
        self, parameter: str, argument: ast.expr, call: ast.Call
    ) -> tuple[bool, tuple[Related, ...]] | None:
        """The default of the configuration field a construction of the module passes for a constructor
        parameter (`Renderer(tok, add_generation_prompt=cfg.add_generation_prompt)`), with its place."""
        function = next((each for node, each, _ in self.calls if node is call), None)
        if function is None:
            return None
        found = configured_flag(parameter, argument, function, self.resolver.flows, self._classes, self.links)
        return (found[0].value, found[1]) if found is not None and found[0].value is not None else None

    def _configured_flags(self, template_call: TemplateCall, names: Iterable[str] | None = None) -> None:
        """A flag given a field of a configuration object (`add_generation_prompt=self.cfg.render.add_generation_
        prompt`) takes the default the object's class declares for it, here or in another module
        (`facts.config_switches`). `names`: only these flags (those a wrapper's caller passes itself)."""
        # (a wrapper that reads the flag off a configuration it is given with the conversation, `render(tok,
        # messages, opts)` reading `opts.add_generation_prompt`, leaves it to its callers: what each passes decides)
        wrapper = names is None and conversation_parameter(template_call) is not None
        for flag_name, flag in list(template_call.flags.items()):
            if names is not None and flag_name not in names:
                continue
            if flag.value is not None or not isinstance(flag.node, ast.Attribute):
                continue
            root = (dotted_name(flag.node) or "").split(".")[0]  # (`opts` of `opts.add_generation_prompt`)
            if wrapper and root not in ("self", "cls") and root in template_call.function.params:
                continue
            found = configured_flag(
                flag_name, flag.node, template_call.function, self.resolver.flows, self._classes, self.links
            )
            if found is not None:
                resolved, declared = found
                if flag.where:  # (how the call reaches the field: a parameter's fallback, `if x is None: x = ...`)
                    resolved = resolved._replace(where=f"{flag.where}, {resolved.where}")
                template_call.flags[flag_name] = resolved
                template_call.related = (*template_call.related, *declared)

    # -- one call -------------------------------------------------------------------------------------------------
    def _template_call(
        self, call: ast.Call, function: FunctionInfo, ancestors: tuple[ast.AST, ...]
    ) -> TemplateCall | None:
        func = call.func
        own = (
            isinstance(func, ast.Attribute)
            and func.attr == TEMPLATE_METHOD
            and (_own_method(func, function) or self._own_class_method(func, function))
        )
        if isinstance(func, ast.Attribute) and func.attr == TEMPLATE_METHOD and not own:
            if _names_a_class(func.value):
                return None  # `DataUtilities.apply_chat_template(...)`: a project's own function, not a tokenizer's
            if _passes_a_length_second(call):
                return None  # chatglm.cpp's `tokenizer.apply_chat_template(messages, max_context_length)`
            if dotted_name(func) in self.library_renders:
                return None  # `mlx_vlm.apply_chat_template(processor, config, prompt)`: a library's function
            inherited = self.links.inherited(func, function, ModuleSummary.render) if self.links else None
            if inherited is not None and inherited[0].conversation:
                # `self.apply_chat_template(tok, messages)`: a method of an imported base class of that name that
                # renders the conversation it is given
                return self._through_method(call, function, ancestors, *inherited)
            return self._direct(call, function, ancestors)
        name = called_name(call)
        if isinstance(func, ast.Name) and name.endswith(TEMPLATE_METHOD) and name in function.params:
            # the template method handed in as an argument: `def preprocess(data, apply_chat_template): ...`
            template_call = self._direct(call, function, ancestors)
            template_call.route = Route.PARAMETER
            template_call.via = f"the parameter `{name}`"
            return template_call
        route = None
        if isinstance(func, ast.Name):
            route = self.aliases.get((id(function), name)) or self.aliases.get((id(self.functions[0]), name))
        elif is_self_attribute(func) and function.self_class is not None:
            route = self.aliases.get((id(function.self_class), name))
        if route is None and isinstance(func, ast.Attribute) and (name, True) in self.wrappers:
            known = self._method_wrapper(func, function)
            route = self.wrappers.get((name, True)) if known is False else known  # type: ignore[assignment]
        route = route or (self.wrappers.get((name, False)) if isinstance(func, ast.Name) else None)
        if route is None:
            if not self.links:
                return None
            imported = self.links.wrapper(func)
            helper = self.links.render(func)
            if imported is not None and not _returns_texts_in_tuples(helper):
                return self._through_imported(call, function, ancestors, *imported)
            method = None
            if helper is None and isinstance(func, ast.Attribute):
                # a method of an instance of an imported class (`self.prompter.build_prompt(...)`), or one the
                # class inherits from an imported base class (`self.render(...)`)
                may_render = self.links.may_render_in(func.attr)
                cls = instance_class(func.value, function, self.resolver.flows) if may_render else None
                method = self.links.method_render(cls, func.attr) if cls is not None else None
                if method is None:
                    method = self.links.inherited(func, function, ModuleSummary.render)
            if (
                helper is None
                and method is None
                and isinstance(func, (ast.Name, ast.Attribute))
                and self.links.may_render_in("__call__")
            ):
                # an instance of an imported class called (`renderer(messages)`): its `__call__`
                cls = instance_class(func, function, self.resolver.flows)
                method = self.links.method_render(cls, "__call__") if cls is not None else None
            if method is not None and method[0].conversation:
                # it renders the conversation it is given: judged as a call of a wrapper
                return self._through_method(call, function, ancestors, *method)
            helper = helper or method
            return self._imported_helper(call, function, ancestors, *helper) if helper is not None else None
        if route.imported is not None:
            return self._through_imported(call, function, ancestors, *route.imported)
        if route.kind is Route.WRAPPER:
            is_method_call = isinstance(func, ast.Attribute)
            if route.skip_self != is_method_call:
                return None
            return self._through_wrapper(call, function, ancestors, route)
        template_call = self._direct(call, function, ancestors)
        template_call.route = route.kind
        template_call.via = route.label
        for flag_name, bound in route.flags:
            if not template_call.flags[flag_name].present:
                template_call.flags[flag_name] = Flag(flag_name, bound, True, None, FlagSource.PARTIAL, route.label)
        template_call.related = route.related
        if route.partial is not None:
            for flag_name in FLAG_NAMES:
                if template_call.flags[flag_name].present:
                    continue
                value = keyword_value(route.partial, flag_name)
                if value is not None:
                    partial_flag = flag_from_expression(flag_name, value, function, FlagSource.PARTIAL)
                    template_call.flags[flag_name] = _relabel(partial_flag, FlagSource.PARTIAL, route.label)
                elif route.partial_scope is not None:
                    # a `**mapping` bound into the partial (`partial(tok.apply_chat_template, **common)`)
                    spread = call_flag(flag_name, route.partial, route.partial_scope)
                    if spread.present:
                        template_call.flags[flag_name] = _relabel(spread, FlagSource.PARTIAL, route.label)
        return template_call

    def _direct(self, call: ast.Call, function: FunctionInfo, ancestors: tuple[ast.AST, ...]) -> TemplateCall:
        conversation = keyword_value(call, "conversation") or positional(call, 0)
        flags = {name: call_flag(name, call, function) for name in FLAG_NAMES}
        template_call = self._render(call, function, ancestors, conversation, flags)
        template_call.spreads = self._spreads(call, function)
        self._imported_dicts(template_call)
        self._configured_flags(template_call)
        return template_call

    def _spreads(self, call: ast.Call, function: FunctionInfo) -> tuple[SpreadSource, ...]:
        return tuple(spread_source(mapping, function, self.resolver.flows) for mapping in star_kwargs(call))

    def _imported_dicts(self, template_call: TemplateCall) -> None:
        """A `**mapping` that names a dict another module shows whole (`**CHAT_TEMPLATE_KWARGS` from config.py)
        gives the call the flags it holds, and hides no other. (No fix edits the dict: other renders may spread
        it.)"""
        if not self.links:
            return
        spreads = list(template_call.spreads)
        for place, mapping in enumerate(star_kwargs(template_call.call)):
            shown = self.links.flag_dict(mapping) if spreads[place] is SpreadSource.UNKNOWN else None
            if shown is None:
                continue
            keywords, related = shown
            for name, value in keywords.items():
                if name in template_call.flags and not template_call.flags[name].present:
                    template_call.flags[name] = shown_flag(name, value, mapping, related)
            template_call.related = (*template_call.related, related)
            spreads[place] = SpreadSource.VISIBLE
        template_call.spreads = tuple(spreads)

    def _render(
        self,
        call: ast.Call,
        function: FunctionInfo,
        ancestors: tuple[ast.AST, ...],
        conversation: ast.expr | None,
        flags: dict[str, Flag],
        route: Route = Route.DIRECT,
        via: str = "",
    ) -> TemplateCall:
        """The template call at `call`, with the conversation and flags that reach `apply_chat_template`."""
        return TemplateCall(
            call=call,
            function=function,
            ancestors=ancestors,
            conversation=conversation,
            conversation_text=code(conversation) if conversation is not None else "",
            shape=self.resolver.shape(conversation, function, call) if conversation is not None else UNKNOWN_SHAPE,
            flags=flags,
            route=route,
            via=via,
            kept_from=self._kept_from(conversation, function),
        )

    def _kept_from(self, conversation: ast.expr | None, function: FunctionInfo) -> ast.expr | None:
        """The argument whose end the conversation keeps, when it is a call of a helper of the module that keeps it
        (`with_system(turns, system)`), in the call or through the one local name it is assigned to (a parameter
        too, rebound once: `messages = with_system(messages, system)`)."""
        if isinstance(conversation, ast.Name):
            values = function.assignments.get(conversation.id, [])
            conversation = values[0] if len(values) == 1 else None
        return self.resolver.kept_argument(conversation, function) if isinstance(conversation, ast.Call) else None

    def _through_wrapper(
        self, call: ast.Call, function: FunctionInfo, ancestors: tuple[ast.AST, ...], route: _Route
    ) -> TemplateCall:
        wrapper, inner = route.wrapper, route.inner
        assert wrapper is not None and inner is not None and route.conversation_parameter
        parameters = list(wrapper.params)
        if route.skip_self and parameters:
            parameters = parameters[1:]

        def argument(parameter: str) -> ast.expr | None:
            return bound_argument(call, parameters, parameter)

        conversation = argument(route.conversation_parameter)
        flags: dict[str, Flag] = {}
        passed = self.passed.setdefault(id(call), {})
        # a mapping parameter the render spreads (`**template_kwargs`): what this call passes for it holds the flags
        # the render leaves out, as for a wrapper of another module (`_imported_flags`)
        mapping = spread_parameter(inner)
        for flag_name in FLAG_NAMES:
            inner_flag = inner.flags[flag_name]
            forwarded = self._passed_for(inner, flag_name)
            if isinstance(forwarded, ast.Name) and forwarded.id in wrapper.params:
                value = argument(forwarded.id)
                if value is not None:
                    passed[flag_name] = value
                flags[flag_name] = (
                    flag_from_expression(flag_name, value, function, FlagSource.CALL)
                    if value is not None
                    else inner_flag
                )
            elif (held := _parameter_field(forwarded, wrapper)) is not None and (holder := argument(held[0])):
                # `add_generation_prompt=cfg.add_generation_prompt` inside: that field of what the call passes for
                # `cfg`, as for an imported wrapper
                value = _field_of(holder, held[1], function, call)
                if value is None:  # (an object built with positional arguments: which value it holds is not known)
                    flags[flag_name] = Flag(flag_name, None, True, None, FlagSource.CALL, "")
                else:
                    passed[flag_name] = value
                    flags[flag_name] = flag_from_expression(flag_name, value, function, FlagSource.CALL)
            elif (receivers := self._receiver_attribute(call, function, wrapper, forwarded, inner_flag)) is not None:
                flags[flag_name] = receivers
            elif not inner_flag.present and wrapper.star_kwargs and _forwards_kwargs(inner.call, wrapper.star_kwargs):
                at_call = _flag_at_call_site(flag_name, call, function)
                if isinstance(at_call.node, ast.Attribute) and at_call.value is None:
                    passed[flag_name] = at_call.node  # (`**cfg.render_kwargs()`: the field, as configured)
                flags[flag_name] = at_call
            elif merges_caller_kwargs(inner.call, wrapper):
                # `kwargs = {"add_generation_prompt": False}; kwargs.update(overrides)`: the call's keyword wins
                at_call = _flag_at_call_site(flag_name, call, function)
                flags[flag_name] = at_call if at_call.present else inner_flag
            elif inner_flag.present and inner_flag.source is FlagSource.CALL:
                flags[flag_name] = _relabel(inner_flag, FlagSource.WRAPPER, f"the call inside `{wrapper.qualname}`")
            elif mapping is not None:
                flags[flag_name] = self._mapping_flag(flag_name, argument(mapping), function)
            else:
                flags[flag_name] = inner_flag
        template_call = self._render(call, function, ancestors, conversation, flags, route.kind, route.label)
        template_call.spreads = self._wrapper_spreads(call, function, wrapper, inner, argument)
        template_call.forwarded = passed
        template_call.related = inner.related  # a local wrapper of an imported one: its render is there
        template_call.wrapper_line = inner.wrapper_line or inner.call.lineno
        # a wrapper that returns what its render gives, tokenizing or not as its caller says (`tokenize=tokenize`,
        # or a keyword of its own `**kwargs`, `tok.apply_chat_template(**kw)`): what the call gives is that (CL005
        # judges the caller's uses; the render inside gives text by default)
        tokenize = self._passed_for(inner, "tokenize")
        by_caller = (
            (isinstance(tokenize, ast.Name) and tokenize.id in wrapper.params)
            or (
                tokenize is None
                and wrapper.star_kwargs is not None
                and _forwards_kwargs(inner.call, wrapper.star_kwargs)
                and not inner.flag("tokenize").present
                and not inner.flag("return_dict").present
            )
            or (mapping is not None and not inner.flag("return_dict").present)
        )
        template_call.gives_result = by_caller and _returns_its_render(inner, wrapper)
        self._configured_flags(template_call, passed)  # (a configuration's field the call passes for a flag)
        return template_call

    def _receiver_attribute(
        self, call: ast.Call, function: FunctionInfo, wrapper: FunctionInfo, forwarded: ast.expr | None, inner: Flag
    ) -> Flag | None:
        """The flag a method wrapper takes from `self.<attribute>` (`add_generation_prompt=self.header`), as the
        class of the instance it is called on sets it, when that is a subclass of the wrapper's class: set again
        there (`class SFTFormatter(ChatFormatter): add_generation_prompt = False`), or inherited, with no place to
        edit (the base class's value serves its other users: a fix belongs in the subclass); None otherwise."""
        attribute = is_self_attribute(forwarded) if forwarded is not None else None
        if forwarded is None or attribute is None or wrapper.cls is None or not isinstance(call.func, ast.Attribute):
            return None
        receiver = self._classes.get(self._receiver_class(call.func, function) or "")
        if receiver is None or receiver is wrapper.cls:
            return None
        for cls in receiver.lineage():
            if cls is wrapper.cls:
                return inner._replace(node=None) if inner.node is not None else None
            if attribute in cls.fields or attribute in cls.init_attributes or attribute in cls.methods:
                return attribute_flag(inner.name, cls, attribute, forwarded)
        return None

    def _wrapper_spreads(
        self,
        call: ast.Call,
        function: FunctionInfo,
        wrapper: FunctionInfo,
        inner: TemplateCall,
        argument: Callable[[str], ast.expr | None],
    ) -> tuple[SpreadSource, ...]:
        """The wrapper's own spreads, with each `**mapping` its caller fills judged at this call site: the wrapper's
        `**kwargs` by what the call spreads, a parameter by the argument bound to it (none bound: no mapping)."""
        at_call = self._spreads(call, function)
        if inner.through_wrapper:
            # a wrapper of a wrapper: what the inner call's caller fills is this wrapper's `**kwargs` at best
            others = [source for source in inner.spreads if source is not SpreadSource.CALLER]
            if len(others) == len(inner.spreads):
                return inner.spreads
            return (*others, *at_call) if wrapper.star_kwargs else inner.spreads
        spreads: list[SpreadSource] = []
        for mapping, source in zip(star_kwargs(inner.call), inner.spreads, strict=True):
            name = dotted_name(_unwrapped(mapping)) or ""
            if source is not SpreadSource.CALLER:
                spreads.append(source)
            elif name == wrapper.star_kwargs:
                spreads.extend(at_call)
            elif name in wrapper.params:
                given = argument(name)
                if given is not None:
                    spreads.append(spread_source(given, function, self.resolver.flows))
            elif (parts := _merged_parts(name, wrapper)) is not None:
                # `kwargs = {**self.template_kwargs(), **overrides}`: its own parts, and what the call fills
                for part in parts:
                    if dotted_name(part) == wrapper.star_kwargs:
                        spreads.extend(at_call)
                    else:
                        spreads.append(spread_source(part, wrapper, self.resolver.flows))
            else:
                spreads.append(source)
        return tuple(spreads)

    def _passed_for(self, template_call: TemplateCall, flag_name: str) -> ast.expr | None:
        """The expression `template_call` passes for the flag: its keyword, or for a call of a wrapper, the argument
        (keyword or positional) bound to the wrapper's parameter that becomes the flag."""
        if template_call.through_wrapper:
            return self.passed.get(id(template_call.call), {}).get(flag_name)
        return keyword_value(template_call.call, flag_name)

    def _imported_flags(
        self,
        call: ast.Call,
        function: FunctionInfo,
        params: tuple[str, ...],
        forwarded_flags: tuple[ForwardedFlag, ...],
        name: str,
        summary: ModuleSummary,
        line: int,
    ) -> dict[str, Flag]:
        """The flags that reach the render inside a function of another module: what the call passes for a
        parameter that becomes a flag, else what the function's summary says."""
        parameters = list(params)
        flags: dict[str, Flag] = {}
        passed = self.passed.setdefault(id(call), {})
        for forwarded in forwarded_flags:
            given = bound_argument(call, parameters, forwarded.parameter) if forwarded.parameter else None
            if given is None and forwarded.field:
                # `add_generation_prompt=template.add_generation_prompt` inside: that field of what the call passes
                # for `template`
                owner, _, attribute = forwarded.field.partition(".")
                holder = bound_argument(call, parameters, owner)
                given = _field_of(holder, attribute, function, call) if holder else None
            if given is not None:
                passed[forwarded.name] = given  # what a wrapper of this call forwards
                flags[forwarded.name] = flag_from_expression(forwarded.name, given, function, FlagSource.CALL)
            elif forwarded.mapping:
                holder = bound_argument(call, parameters, forwarded.mapping)
                flags[forwarded.name] = self._mapping_flag(forwarded.name, holder, function)
            elif forwarded.from_kwargs:
                found = _flag_at_call_site(forwarded.name, call, function)
                if not found.present and forwarded.present:
                    # the wrapper's own value, which a keyword of the call would override
                    where = f"{forwarded.where} ({summary.place(forwarded.line or line)})" if forwarded.where else ""
                    found = Flag(forwarded.name, forwarded.value, True, None, FlagSource.WRAPPER, where)
                elif not found.present and SpreadSource.UNKNOWN in self._spreads(call, function):
                    # `**self.render.prompt_kwargs()`: a mapping the code does not show may set it
                    found = Flag(forwarded.name, None, True, None, FlagSource.CALL, "a `**` mapping of the call")
                flags[forwarded.name] = found
            elif forwarded.present:
                # a parameter default is worth naming; the call inside is named by the route ("through ..."); a value
                # of its own, where its keyword gives it
                where = f"{forwarded.where} ({summary.place(forwarded.line or line)})" if forwarded.where else ""
                flags[forwarded.name] = Flag(forwarded.name, forwarded.value, True, None, FlagSource.WRAPPER, where)
            else:
                flags[forwarded.name] = absent(forwarded.name)
        return flags

    def _mapping_flag(self, name: str, holder: ast.expr | None, function: FunctionInfo) -> Flag:
        """The flag `name` in the mapping a call hands a render to spread (`encode_chat(tok, text, cfg.
        chat_template_kwargs)`): its value where the code shows it (a dict of the function, or the default the
        configuration class declares for the field, `field(default_factory=lambda: {...})`, here or in another
        module); absent when the mapping is shown whole without it, or is template variables (a configuration's
        `chat_template_kwargs`, a record's field: see `SpreadSource`); unknown otherwise."""
        if holder is None:
            return absent(name)  # (the parameter's default: no mapping, or an empty one)
        shown = mapping_value(name, holder, function)
        if shown is not None:
            return flag_from_expression(name, shown[0], shown[1], FlagSource.CALL)
        if isinstance(holder, ast.Attribute):
            field = ast.copy_location(ast.Attribute(holder, name, ast.Load()), holder)
            declared = configured_flag(name, field, function, self.resolver.flows, self._classes, self.links)
            if declared is not None:
                return declared[0]
            whole = ast.copy_location(ast.Attribute(holder, WHOLE_MAPPING, ast.Load()), holder)
            if configured_flag(name, whole, function, self.resolver.flows, self._classes, self.links) is not None:
                return absent(name)  # (the class shows the mapping whole, without this flag)
        source = spread_source(holder, function, self.resolver.flows)
        if source.may_hide_flags:
            return Flag(name, None, True, None, FlagSource.CALL, f"the mapping `{shortened(code(holder), 40)}`")
        return absent(name)

    def _imported_helper(
        self,
        call: ast.Call,
        function: FunctionInfo,
        ancestors: tuple[ast.AST, ...],
        text: TextSummary,
        summary: ModuleSummary,
    ) -> TemplateCall | None:
        """A call of a function of another module that returns a text it renders (not a row): a render here, with
        the shape and flags its summary gives, for what the caller does with the text."""
        if text.columns or not text.flags:
            return None
        flags = self._imported_flags(call, function, text.params, text.flags, text.name, summary, text.line)
        place = summary.place(text.line)
        template_call = TemplateCall(
            call=call,
            function=function,
            ancestors=ancestors,
            conversation=None,
            conversation_text="",
            shape=Shape(ShapeKind(text.shape), text.evidence),
            flags=flags,
            route=Route.HELPER,
            via=f"the helper `{text.name}` ({place})",
        )
        origin = imported_origin(
            text, summary, "returns the ids it renders" if text.ids else "renders the text it returns"
        )
        template_call.related = origin.related
        # the text this call gets when its flags ask for text: a text helper's own, or the render of an ids helper
        # whose `tokenize` is a parameter this call sets to False (`get_prompt(tok, q, tokenize=False)`)
        template_call.helper_origin = origin
        if text.ids:
            template_call.gives_result = not text.declared  # (a declared list is judged at home)
            template_call.positions = text.positions
            template_call.measures = text.measures  # (`n_prompt = prompt_token_count(tok, conv)`: a length)
        else:
            template_call.text_positions = text.positions  # (a text in the tuples it returns: `return prompt, full`)
        template_call.spreads = self._spreads(call, function)
        return template_call

    def _through_imported(
        self,
        call: ast.Call,
        function: FunctionInfo,
        ancestors: tuple[ast.AST, ...],
        wrapper: WrapperSummary,
        summary: ModuleSummary,
    ) -> TemplateCall:
        """A call of a wrapper defined in another module: the conversation and flags the call passes, or what the
        wrapper's summary says it uses when the call passes nothing."""
        template_call = self._imported_render(
            call,
            function,
            ancestors,
            summary,
            (wrapper.name, wrapper.line, wrapper.params, wrapper.conversation),
            wrapper.flags,
        )
        template_call.gives_result = wrapper.returns_result
        template_call.measures = wrapper.measures
        template_call.strips_bos = wrapper.strips_bos
        returned = summary.render(wrapper.name)
        if returned is not None and returned.positions:
            template_call.positions = returned.positions  # (ids in the tuples it returns)
        return template_call

    def _through_method(
        self,
        call: ast.Call,
        function: FunctionInfo,
        ancestors: tuple[ast.AST, ...],
        text: TextSummary,
        summary: ModuleSummary,
    ) -> TemplateCall:
        """A method of an imported class (called on an instance of it, or inherited from it as a base class) that
        renders its parameter `text.conversation`: judged as a call of a wrapper, with the conversation and flags
        this call passes."""
        template_call = self._imported_render(
            call, function, ancestors, summary, (text.name, text.line, text.params, text.conversation), text.flags
        )
        template_call.gives_result = text.ids and not text.declared  # (a declared list is judged at home)
        return template_call

    def _imported_render(
        self,
        call: ast.Call,
        function: FunctionInfo,
        ancestors: tuple[ast.AST, ...],
        summary: ModuleSummary,
        renderer: tuple[str, int, tuple[str, ...], str],
        forwarded_flags: tuple[ForwardedFlag, ...],
    ) -> TemplateCall:
        """A call of a function of another module that renders its parameter: `renderer` is its name, the line of
        its render, its parameters and the one that becomes the conversation."""
        name, line, params, conversation_param = renderer
        flags = self._imported_flags(call, function, params, forwarded_flags, name, summary, line)
        conversation = bound_argument(call, list(params), conversation_param)
        label = f"the wrapper `{name}` ({summary.place(line)})"
        template_call = self._render(call, function, ancestors, conversation, flags, Route.WRAPPER, label)
        template_call.related = (Related(summary.path, line, f"`{name}` renders the conversation"),)
        # (the line that gives the generation prompt its value there, when the call passes none: where a fix goes)
        given = next((item for item in forwarded_flags if item.name == "add_generation_prompt"), None)
        if (
            given is not None
            and given.line
            and given.line != line
            and flags["add_generation_prompt"].source is FlagSource.WRAPPER
        ):
            note = f"`{name}` passes `add_generation_prompt` here"
            template_call.related = (*template_call.related, Related(summary.path, given.line, note))
        template_call.spreads = self._spreads(call, function)  # the call's own mappings, judged where they are
        template_call.forwarded = self.passed.get(id(call), {})
        # (a field of a configuration passed for a flag: `add_generation_prompt=cfg.teacher.add_generation_prompt`)
        self._configured_flags(template_call, template_call.forwarded)
        return template_call


def _field_of(holder: ast.expr, attribute: str, function: FunctionInfo, call: ast.Call) -> ast.expr | None:
    """What a wrapper reading `attribute` off the object a call hands it (`holder`) gets: the keyword of the
    construction the call shows (`RenderOptions(add_generation_prompt=False)`, also through a local name assigned
    it once), else the field itself (`cfg.add_generation_prompt`), whose class's default the configured flags read
    (`_configured_flags`); None when the construction may set it positionally."""
    built = holder
    if isinstance(built, ast.Name):
        values = function.assignments.get(built.id, [])
        built = values[0] if len(values) == 1 else built
    if isinstance(built, ast.Call) and (dotted_name(built.func) or "").rsplit(".", 1)[-1][:1].isupper():
        given = keyword_value(built, attribute)
        if given is not None:
            return given
        if built.args or any(item.arg is None for item in built.keywords):
            return None
    return ast.copy_location(ast.Attribute(holder, attribute, ast.Load()), call)


def _never_given(route: _Route, receiver: ClassInfo) -> bool:
    """Does the wrapper method render with what it reads off `self` with a default (`tokenizer = getattr(self,
    "tokenizer", None)`, then `if tokenizer is not None: tokenizer.apply_chat_template(...)`), which the receiver's
    class never sets (nor its bases, all of the module: a base imported from elsewhere may set it)?"""
    inner = route.inner
    func = inner.call.func if inner is not None else None
    holder = func.value if isinstance(func, ast.Attribute) else None
    values = inner.function.assignments.get(holder.id, []) if inner is not None and isinstance(holder, ast.Name) else []
    read = values[0] if len(values) == 1 else None
    if not (isinstance(read, ast.Call) and dotted_name(read.func) == "getattr" and len(read.args) == 3):
        return False
    attribute = string_value(read.args[1])
    if dotted_name(read.args[0]) != "self" or attribute is None:
        return False
    lineage = receiver.lineage()
    known = {cls.name for cls in lineage}
    if any(base.split(".")[-1] not in known | _PLAIN_BASES for cls in lineage for base in cls.bases):
        return False
    return not any(
        attribute in cls.fields or attribute in cls.annotations or attribute in cls.attributes for cls in lineage
    )


# bases that set no attribute of their subclasses
_PLAIN_BASES = frozenset({"ABC", "object", "Protocol"})


def _parameter_field(value: ast.expr | None, wrapper: FunctionInfo) -> tuple[str, str] | None:
    """`(parameter, field)` for a field of one of the wrapper's parameters (`cfg.add_generation_prompt`)."""
    if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and value.value.id in wrapper.params:
        return value.value.id, value.attr
    return None


def _own_self_of_a_nested_function(func: ast.Attribute, function: FunctionInfo) -> bool:
    """`self.method(...)` in a function nested in another that takes a `self` of its own (`def handler_method(self,
    messages):` inside a method): the object is not the enclosing method's class."""
    outer = function.outer
    return (
        dotted_name(func.value) == "self"
        and function.cls is None
        and "self" in function.params
        and outer is not None
        and not outer.is_module
    )


def _returns_its_render(inner: TemplateCall, wrapper: FunctionInfo) -> bool:
    """The wrapper returns what its render gives: `return tok.apply_chat_template(...)`, or `result = ...` and
    `return result` (a return under `if isinstance(result, list):`, unwrapping a batch of one, is not taken for a
    `BatchEncoding`)."""
    if not inner.ancestors:
        return False
    holder = inner.ancestors[-1]
    if isinstance(holder, ast.Return):
        return True
    if not (isinstance(holder, ast.Assign) and len(holder.targets) == 1 and isinstance(holder.targets[0], ast.Name)):
        return False
    name = holder.targets[0].id
    if len(wrapper.assignments.get(name, ())) != 1:
        return False
    guarded = {
        id(node)
        for statement in ast.walk(wrapper.node)
        if isinstance(statement, ast.If) and f"isinstance({name}, list)" in ast.unparse(statement.test)
        for node in ast.walk(statement)
    }
    returns = [node for node in ast.walk(wrapper.node) if isinstance(node, ast.Return) and id(node) not in guarded]
    return bool(returns) and all(isinstance(node.value, ast.Name) and node.value.id == name for node in returns)


# the bases of a class that renders as a tokenizer or processor does, or only types one
_TOKENIZER_BASE = re.compile(r"Tokenizer|Processor|Protocol")


def _own_method(func: ast.Attribute, function: FunctionInfo) -> bool:
    """`self.apply_chat_template(messages)` in a class that defines that method itself (or a base class of the module
    does): the project's own method (a wrapper, judged as one), not a tokenizer's."""
    if dotted_name(func.value) != "self" or function.self_class is None:
        return False
    return function.self_class.defines(func.attr)


def _names_a_class(receiver: ast.expr) -> bool:
    """`DataUtilities`, `utils.ChatFormatter`: a class (CapWords), whose `apply_chat_template` is a static or class
    method of its own; a tokenizer or processor is an instance (`tokenizer`, `self.processor`)."""
    name = dotted_name(receiver)
    last = name.rsplit(".", 1)[-1] if name else ""
    return last[:1].isupper() and not last.isupper() and "_" not in last


def _passes_a_length_second(call: ast.Call) -> bool:
    """A length as the second positional argument (`apply_chat_template(messages, 2048)`, `(messages,
    max_context_length)`): not a transformers tokenizer's method, whose second parameter is `tools` (chatglm.cpp's
    C++ tokenizer takes the context length there and returns a list of ids)."""
    second = positional(call, 1)
    if isinstance(second, ast.Constant):
        return isinstance(second.value, int) and not isinstance(second.value, bool)
    name = (dotted_name(second) or "").rsplit(".", 1)[-1].lower() if second is not None else ""
    return _LENGTH_NAME.search(name) is not None


_LENGTH_NAME = re.compile(r"(?:^max_|_len$|length$|^ctx|context_size|_tokens$)")


def renderer_factories(functions: list[FunctionInfo], flows: dict[int, FunctionFlow]) -> dict[str, RendererFactory]:
    """The module-level functions that return a renderer, by name: `functools.partial(tok.apply_chat_template,
    <literal flags>)`, or a function they define that renders the conversation it is given and returns the render
    (`def render(messages): return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=
    add_generation_prompt)`, then `return render`), its flags literals or the factory's parameters."""
    nested: dict[int, dict[str, FunctionInfo]] = {}
    for function in functions:
        if function.outer is not None and not function.outer.is_module and function.cls is None:
            nested.setdefault(id(function.outer), {})[function.name] = function
    found: dict[str, RendererFactory] = {}
    for function in functions:
        if function.cls is not None or function.outer is None or not function.outer.is_module:
            continue
        inner = nested.get(id(function), {})
        for value in function_flow(function, flows).returns:
            if isinstance(value, ast.Name) and value.id in inner:
                factory = _closure_factory(function, inner[value.id], flows)
            else:
                factory = _partial_factory(function, value)
            if factory is not None:
                found[function.name] = factory
                break
    return found


def _partial_factory(function: FunctionInfo, value: ast.expr) -> RendererFactory | None:
    target = first_argument(value) if isinstance(value, ast.Call) and is_partial(value) else None
    if not (isinstance(target, ast.Attribute) and target.attr == TEMPLATE_METHOD):
        return None
    assert isinstance(value, ast.Call)
    flags = dict(_literal_flags(value))
    for name in FLAG_NAMES if star_kwargs(value) else ():
        # `partial(tok.apply_chat_template, **kwargs)` with `kwargs = {**CHAT_ENCODE_KWARGS, **overrides}`
        literal = bool_literal(call_flag(name, value, function).node) if name not in flags else None
        if literal is not None:
            flags[name] = literal
    return RendererFactory(function.name, value.lineno, tuple(flags.items()))


def _closure_factory(
    factory: FunctionInfo, renderer: FunctionInfo, flows: dict[int, FunctionFlow]
) -> RendererFactory | None:
    """`factory` returns `renderer`, a function it defines: one whose first return renders its first parameter."""
    returns = function_flow(renderer, flows).returns
    call = returns[0] if returns else None
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == TEMPLATE_METHOD):
        return None
    conversation = keyword_value(call, "conversation") or first_argument(call)
    if not (isinstance(conversation, ast.Name) and renderer.call_params[:1] == [conversation.id]):
        return None
    forwarded = tuple(
        (item.arg, item.value.id, bool_literal(factory.params[item.value.id].default))
        for item in call.keywords
        if item.arg in FLAG_NAMES
        and isinstance(item.value, ast.Name)
        and item.value.id in factory.params
        and item.value.id not in renderer.params
    )
    return RendererFactory(
        factory.name, call.lineno, _literal_flags(call), forwarded, tuple(factory.call_params), closure=True
    )


def _literal_flags(call: ast.Call) -> tuple[tuple[str, bool], ...]:
    return tuple(
        (item.arg, literal)
        for item in call.keywords
        if item.arg in FLAG_NAMES and (literal := bool_literal(item.value)) is not None
    )


def bound_flags(factory: RendererFactory, call: ast.Call) -> tuple[tuple[str, bool], ...]:
    """The flags what `call` (of `factory`) returns renders with: its literal ones, and those it takes from the
    factory's parameters, as the call passes them (a literal) or by their defaults."""
    found = list(factory.flags)
    for flag, parameter, default in factory.forwarded:
        argument = bound_argument(call, list(factory.parameters), parameter)
        value = bool_literal(argument) if argument is not None else default
        if value is not None:
            found.append((flag, value))
    return tuple(found)


def _made(factory: RendererFactory, name: str) -> str:
    kind = "the renderer" if factory.closure else "the `functools.partial`"
    return f"{kind} `{name}` made by `{factory.name}`"


def conversation_parameter(template_call: TemplateCall) -> str | None:
    """The parameter of the render's function that becomes its conversation, when the function is a wrapper: the
    parameter itself, never reassigned, or a list made from it turn by turn (`[{"role": ROLES[t["from"]], ...} for
    t in dialogue]`, `list(dialogue)`, `dialogue.copy()`) or with turns put before it (`[system, *dialogue]`,
    `[system] + dialogue`), also by a helper of the module that keeps its end (`self._with_system(dialogue)`): the
    last turn stays the caller's."""
    function, conversation = template_call.function, template_call.conversation
    if template_call.kept_from is not None:
        # `self._with_system(messages)`, or `messages = with_system(turns, system)`: a helper that keeps its end
        conversation = template_call.kept_from
        if (
            isinstance(conversation, ast.Name)
            and conversation.id in function.params
            and len(function.assignments.get(conversation.id, [])) == 1
        ):
            return conversation.id  # `messages = with_system(messages, system)`: the parameter, its end kept
    if conversation is None and not template_call.call.args and _forwards_own_kwargs(template_call.call, function):
        # `tok.apply_chat_template(**kw)`: the caller passes the conversation by the keyword the tokenizer names it
        return _CONVERSATION_KEYWORD
    if not isinstance(conversation, ast.Name):
        # made in the call itself: `apply_chat_template(list(messages), ...)`, `[system, *messages]`
        source = _turn_by_turn(conversation) if conversation is not None else None
        return source if source in function.params and source not in function.assignments else None
    values = function.assignments.get(conversation.id)
    if values is None:
        return conversation.id if conversation.id in function.params else None
    if len(values) != 1 or conversation.id in function.params:
        return None
    source = _turn_by_turn(values[0])
    if source is None or source not in function.params or source in function.assignments:
        return None
    return source


def spread_parameter(template_call: TemplateCall) -> str | None:
    """The parameter of the render's function whose mapping the render spreads, when that is all it spreads
    (`def encode_chat(tok, text, template_kwargs): return tok.apply_chat_template(msgs, **template_kwargs)`):
    each caller's mapping says what it holds."""
    if template_call.route is not Route.DIRECT or passes_star_args(template_call.call):
        return None
    if template_call.spreads != (SpreadSource.CALLER,):
        return None  # (a parameter never reassigned, or the function's own `**kwargs`: see `spread_source`)
    spread = star_kwargs(template_call.call)[0]
    name = dotted_name(spread)
    return name if isinstance(spread, ast.Name) and name != template_call.function.star_kwargs else None


# the name of the transformers tokenizer's `apply_chat_template` parameter for the conversation
_CONVERSATION_KEYWORD = "conversation"


def _forwards_own_kwargs(call: ast.Call, function: FunctionInfo) -> bool:
    """The call's only keywords are the function's own `**kwargs`, handed on whole."""
    own = function.star_kwargs
    return (
        own is not None
        and bool(call.keywords)
        and all(item.arg is None and dotted_name(item.value) == own for item in call.keywords)
    )


def _turn_by_turn(value: ast.expr) -> str | None:
    """The name a list is made from, keeping its last element last (see `conversation_parameter`)."""
    if isinstance(value, ast.ListComp) and len(value.generators) == 1:
        generator = value.generators[0]
        if not generator.ifs and not generator.is_async and isinstance(generator.iter, ast.Name):
            return generator.iter.id
        return None
    if isinstance(value, ast.Call) and not value.keywords:
        if isinstance(value.func, ast.Name) and value.func.id == "list" and len(value.args) == 1:
            return value.args[0].id if isinstance(value.args[0], ast.Name) else None
        if isinstance(value.func, ast.Attribute) and value.func.attr == "copy" and not value.args:
            return value.func.value.id if isinstance(value.func.value, ast.Name) else None
        return None
    if isinstance(value, ast.List) and value.elts and isinstance(value.elts[-1], ast.Starred):
        last = value.elts[-1].value
        return last.id if isinstance(last, ast.Name) else None
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add) and isinstance(value.left, ast.List):
        # `[system] + dialogue`, `[system] + list(dialogue)`
        return value.right.id if isinstance(value.right, ast.Name) else _turn_by_turn(value.right)
    return None


def _merged_parts(name: str, wrapper: FunctionInfo) -> list[ast.expr] | None:
    """The dicts a local name of the wrapper merges, when it is given once a dict that spreads the wrapper's own
    `**kwargs` among others (`kwargs = {**self.template_kwargs(), **overrides}`); None otherwise."""
    assigned = wrapper.assignments.get(name, [])
    merged = assigned[0] if len(assigned) == 1 else None
    if not isinstance(merged, ast.Dict) or wrapper.star_kwargs is None:
        return None
    parts = [item for key, item in zip(merged.keys, merged.values) if key is None]
    return parts if any(dotted_name(part) == wrapper.star_kwargs for part in parts) else None


def _unwrapped(mapping: ast.expr) -> ast.expr:
    """`x or {}` -> `x`."""
    if isinstance(mapping, ast.BoolOp) and isinstance(mapping.op, ast.Or) and mapping.values:
        return mapping.values[0]
    return mapping


def _flag_at_call_site(flag_name: str, call: ast.Call, function: FunctionInfo) -> Flag:
    """A flag a wrapper forwards through its `**kwargs`: as the call site sets it by keyword or in a visible dict."""
    given = keyword_value(call, flag_name)
    if given is not None:
        return flag_from_expression(flag_name, given, function, FlagSource.CALL)
    found = absent(flag_name)
    for star in star_kwargs(call):
        from_kwargs = flag_from_kwargs(flag_name, star, function)
        if from_kwargs is not None:
            found = from_kwargs
    return found


def _relabel(flag: Flag, source: FlagSource, where: str) -> Flag:
    return Flag(flag.name, flag.value, flag.present, flag.node, source, flag.where or where)


def _forwards_kwargs(call: ast.Call, kwargs_name: str) -> bool:
    return any(dotted_name(value) == kwargs_name for value in star_kwargs(call))


def collect_template_calls(
    resolver: ShapeResolver,
    functions: list[FunctionInfo],
    calls: list[CallSite],
    links: Links | None = None,
    library_renders: frozenset[str] = frozenset(),
    classes: dict[str, ClassInfo] | None = None,
) -> list[TemplateCall]:
    """The module's template calls; `classes`: all the module's classes by name (also those without methods, a
    configuration's dataclass), by default the classes of `functions`."""
    classes = classes if classes is not None else classes_of(functions)
    found = _Collector(resolver, functions, calls, classes, links=links, library_renders=library_renders).collect()
    _prompts_of_pairs(found)
    return found


def _prompts_of_pairs(template_calls: list[TemplateCall]) -> None:
    """A render of a conversation whose shape is not known, which another render of the same function continues
    (`prompt_messages + completion_messages`, `[*prompt_messages, reply]`), is that render's prompt."""
    by_function: dict[int, list[TemplateCall]] = {}
    for template_call in template_calls:
        by_function.setdefault(id(template_call.function), []).append(template_call)
    for group in by_function.values():
        for prompt in group:
            if prompt.shape.kind is not ShapeKind.UNKNOWN or not isinstance(prompt.conversation, ast.Name):
                continue
            if prompt.spreads or passes_star_args(prompt.call):
                continue  # (a `**mapping` may hold its flags: a pair judged on flags it cannot see is not judged)
            full = next(
                (
                    other
                    for other in group
                    if other.conversation is not None and _continues(other.conversation, prompt.conversation.id)
                ),
                None,
            )
            if full is not None:
                evidence = f"`{prompt.conversation_text}`, which `{full.conversation_text}` continues (line {full.call.lineno})"
                prompt.shape = Shape(ShapeKind.PROMPT, evidence)


def _continues(conversation: ast.expr, name: str) -> bool:
    """Is `conversation` the one named `name` with a reply after it (`prompt + completion`, `[*prompt_messages,
    answer]`)? The names say so: the first is named for a prompt or the rest for a reply (a render of a history
    and of the history with more turns, `prefix + appended`, is an incremental render, not a prompt and its reply)."""
    if isinstance(conversation, ast.BinOp) and isinstance(conversation.op, ast.Add):
        first, rest = conversation.left, [conversation.right]
    elif isinstance(conversation, ast.List) and len(conversation.elts) > 1:
        starred = conversation.elts[0]
        first, rest = (starred.value if isinstance(starred, ast.Starred) else starred), conversation.elts[1:]
    else:
        return False
    if not (isinstance(first, ast.Name) and first.id == name):
        return False
    return "prompt" in name.lower() or any(_REPLY_WORDS.search(code(item)) is not None for item in rest)


_REPLY_WORDS = re.compile(r"(?i)completion|response|answer|reply|chosen|rejected")


def _returns_texts_in_tuples(helper: tuple[TextSummary, ModuleSummary] | None) -> bool:
    """Does the function of another module return rendered texts in tuples (`return prompt, full`), the one its
    summary names of a shape it knows itself (`conversation[:-1]`)? Then a call of it is judged by that render at
    its place, even when it wraps the other one; a wrapper whose render's shape is the caller's stays one."""
    if helper is None:
        return False
    text = helper[0]
    return text.in_tuples and text.shape in (ShapeKind.PROMPT.value, ShapeKind.FULL.value)


def _names_template_method(value: ast.expr) -> bool:
    """`tokenizer.apply_chat_template`, or `getattr(tokenizer, "apply_chat_template", None)`: the bound method,
    looked up by name (code that checks a tokenizer has one before it renders)."""
    if isinstance(value, ast.Attribute):
        return value.attr == TEMPLATE_METHOD
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "getattr"
        and len(value.args) >= 2
        and isinstance(value.args[1], ast.Constant)
        and value.args[1].value == TEMPLATE_METHOD
    )
