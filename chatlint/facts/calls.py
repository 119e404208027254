"""Finding every call that renders a chat template, in all its disguises, and where its result goes.

A template call is `x.apply_chat_template(conv, ...)`, or a call through an alias (`render = tok.apply_chat_template`),
through `functools.partial`, or through a thin wrapper: a function in the same module that hands one of its
parameters to `apply_chat_template` as the conversation. For a wrapper call the conversation and flags are the ones
the call site passes (or the wrapper's defaults), as they reach the real call.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from chatlint.facts.flags import FLAG_NAMES, absent, call_flag, flag_from_expression, flag_from_kwargs
from chatlint.facts.model import Flag, FunctionInfo, TemplateCall, UNKNOWN_SHAPE
from chatlint.facts.shapes import ShapeResolver
from chatlint.facts.syntax import (
    bound_argument,
    called_name,
    code,
    dotted_name,
    is_partial,
    is_self_attribute,
    keyword,
    positional,
)

TEMPLATE_METHOD = "apply_chat_template"
_WRAPPER_ROUNDS = 3


@dataclass
class _Route:
    """How a callee reaches `apply_chat_template`."""

    kind: str  # "alias" | "partial" | "wrapper"
    label: str  # for messages
    partial: cst.Call | None = None  # the partial(...) call, for its keywords
    wrapper: FunctionInfo | None = None
    inner: TemplateCall | None = None  # the wrapper's own template call
    conversation_parameter: str | None = None
    skip_self: bool = False


@dataclass
class _Collector:
    resolver: ShapeResolver
    functions: list[FunctionInfo]
    calls: list[tuple[cst.Call, FunctionInfo, tuple[cst.CSTNode, ...]]]
    # aliases and partials, by (id of the function they are assigned in, name); wrappers by function name
    aliases: dict[tuple[int, str], _Route] = field(default_factory=dict)
    wrappers: dict[str, _Route] = field(default_factory=dict)

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
        called_wrappers = {template_call.via for template_call in ordered if template_call.via}
        for route in self.wrappers.values():
            if route.inner is not None and route.label in called_wrappers:
                route.inner.deferred = True
        return ordered

    # -- aliases and partials -------------------------------------------------------------------------------------
    def _find_aliases(self) -> None:
        for function in self.functions:
            for name, values in function.assignments.items():
                for value in values:
                    self._maybe_alias((id(function), name), name, value)
        # `self.render = tokenizer.apply_chat_template` (or a partial of it) in `__init__`
        classes = {id(function.cls): function.cls for function in self.functions if function.cls is not None}
        for cls in classes.values():
            for attribute, value in cls.init_attributes.items():
                self._maybe_alias((id(cls), attribute), f"self.{attribute}", value)

    def _maybe_alias(self, key: tuple[int, str], name: str, value: cst.BaseExpression) -> None:
        if isinstance(value, cst.Attribute) and value.attr.value == TEMPLATE_METHOD:
            self.aliases[key] = _Route("alias", f"the alias `{name}`")
        elif isinstance(value, cst.Call) and is_partial(value) and value.args:
            target = value.args[0].value
            if isinstance(target, cst.Attribute) and target.attr.value == TEMPLATE_METHOD:
                self.aliases[key] = _Route("partial", f"the `functools.partial` `{name}`", partial=value)

    # -- wrappers -------------------------------------------------------------------------------------------------
    def _maybe_wrapper(self, template_call: TemplateCall) -> None:
        function = template_call.function
        conversation = template_call.conversation
        if function.is_module or function.name == TEMPLATE_METHOD or function.name in self.wrappers:
            return
        if not isinstance(conversation, cst.Name) or conversation.value not in function.params:
            return
        if conversation.value in function.assignments:
            return
        self.wrappers[function.name] = _Route(
            "wrapper",
            f"the wrapper `{function.qualname}`",
            wrapper=function,
            inner=template_call,
            conversation_parameter=conversation.value,
            skip_self=function.cls is not None,
        )

    # -- one call -------------------------------------------------------------------------------------------------
    def _template_call(
        self, call: cst.Call, function: FunctionInfo, ancestors: tuple[cst.CSTNode, ...]
    ) -> TemplateCall | None:
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value == TEMPLATE_METHOD:
            return self._direct(call, function, ancestors)
        name = called_name(call)
        if isinstance(func, cst.Name) and name.endswith(TEMPLATE_METHOD) and name in function.params:
            # the template method handed in as an argument: `def preprocess(data, apply_chat_template): ...`
            template_call = self._direct(call, function, ancestors)
            template_call.via = f"the parameter `{name}`"
            return template_call
        route = None
        if isinstance(func, cst.Name):
            route = self.aliases.get((id(function), name)) or self.aliases.get((id(self.functions[0]), name))
        elif is_self_attribute(func) and function.cls is not None:
            route = self.aliases.get((id(function.cls), name))
        route = route or self.wrappers.get(name)
        if route is None:
            return None
        if route.kind == "wrapper":
            is_method_call = isinstance(func, cst.Attribute)
            if route.skip_self != is_method_call:
                return None
            return self._through_wrapper(call, function, ancestors, route)
        template_call = self._direct(call, function, ancestors)
        template_call.via = route.label
        if route.partial is not None:
            for flag_name in FLAG_NAMES:
                if template_call.flags[flag_name].present:
                    continue
                arg = keyword(route.partial, flag_name)
                if arg is not None:
                    partial_flag = flag_from_expression(flag_name, arg.value, function, "partial")
                    template_call.flags[flag_name] = _relabel(partial_flag, "partial", route.label)
        return template_call

    def _direct(self, call: cst.Call, function: FunctionInfo, ancestors: tuple[cst.CSTNode, ...]) -> TemplateCall:
        conversation_arg = keyword(call, "conversation") or positional(call, 0)
        conversation = conversation_arg.value if conversation_arg else None
        flags = {name: call_flag(name, call, function) for name in FLAG_NAMES}
        return self._render(call, function, ancestors, conversation, flags)

    def _render(
        self,
        call: cst.Call,
        function: FunctionInfo,
        ancestors: tuple[cst.CSTNode, ...],
        conversation: cst.BaseExpression | None,
        flags: dict[str, Flag],
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
            via=via,
        )

    def _through_wrapper(
        self, call: cst.Call, function: FunctionInfo, ancestors: tuple[cst.CSTNode, ...], route: _Route
    ) -> TemplateCall:
        wrapper, inner = route.wrapper, route.inner
        assert wrapper is not None and inner is not None and route.conversation_parameter
        parameters = list(wrapper.params)
        if route.skip_self and parameters:
            parameters = parameters[1:]

        def argument(parameter: str) -> cst.BaseExpression | None:
            return bound_argument(call, parameters, parameter)

        conversation = argument(route.conversation_parameter)
        flags: dict[str, Flag] = {}
        for flag_name in FLAG_NAMES:
            inner_flag = inner.flags[flag_name]
            inner_arg = keyword(inner.call, flag_name)
            forwarded = inner_arg.value if inner_arg is not None else None
            if isinstance(forwarded, cst.Name) and forwarded.value in wrapper.params:
                value = argument(forwarded.value)
                flags[flag_name] = (
                    flag_from_expression(flag_name, value, function, "call") if value is not None else inner_flag
                )
            elif not inner_flag.present and wrapper.star_kwargs and _forwards_kwargs(inner.call, wrapper.star_kwargs):
                given = keyword(call, flag_name)
                flags[flag_name] = (
                    flag_from_expression(flag_name, given.value, function, "call") if given else absent(flag_name)
                )
                if given is None:
                    for star in (arg.value for arg in call.args if arg.star == "**"):
                        found = flag_from_kwargs(flag_name, star, function)
                        if found is not None:
                            flags[flag_name] = found
            elif inner_flag.present and inner_flag.source == "call":
                flags[flag_name] = _relabel(inner_flag, "wrapper", f"the call inside `{wrapper.qualname}`")
            else:
                flags[flag_name] = inner_flag
        return self._render(call, function, ancestors, conversation, flags, route.label)


def _relabel(flag: Flag, source: str, where: str) -> Flag:
    return Flag(flag.name, flag.value, flag.present, flag.node, source, flag.where or where)


def _forwards_kwargs(call: cst.Call, kwargs_name: str) -> bool:
    return any(arg.star == "**" and dotted_name(arg.value) == kwargs_name for arg in call.args)


def collect_template_calls(
    resolver: ShapeResolver,
    functions: list[FunctionInfo],
    calls: list[tuple[cst.Call, FunctionInfo, tuple[cst.CSTNode, ...]]],
) -> list[TemplateCall]:
    return _Collector(resolver, functions, calls).collect()
