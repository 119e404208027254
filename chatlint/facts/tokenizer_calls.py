"""Calls that tokenize text (`tokenizer(text)`, `tokenizer.encode(text)`, `processor(text=...)`) and where the text
comes from.

For each such call the analysis answers:
- which text it takes (the first positional argument or `text=`), and whether that is a single text or a batch;
- whether special tokens are added: `add_special_tokens` as a literal, a local name, a parameter default, an
  attribute, a `**kwargs` dict the code can see, or unknown (an opaque `**kwargs`);
- whether the text was rendered by a chat template with `tokenize=False`, followed through local names (every
  assignment that may reach the call), list comprehensions and lists built with `.append`, dict/row fields set in
  the same function, string methods that keep the start of the text, concatenations that start with it, tuple
  unpacking, helper functions of the module that return it, and list attributes a class fills in one method and
  reads in another;
- the sibling pattern: the ids of two separately tokenized texts (a prompt and a completion), concatenated with `+`.

Helpers of the module that tokenize their parameter are tokenizer calls too, with the call site's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

import libcst as cst

from chatlint.facts.flags import call_flag, flag_from_expression
from chatlint.facts.flow import Binding, FunctionFlow, function_flow
from chatlint.facts.model import ClassInfo, Flag, FunctionInfo, TemplateCall
from chatlint.facts.syntax import bound_argument, code, dotted_name, keyword, positional, string_value
from chatlint.facts.walk import children

ADD_SPECIAL_TOKENS = "add_special_tokens"
_TOKENIZER_NAMES = frozenset({"tok", "processing_class", "processor", "tokenizer"})
_FACTORY_VERBS = frozenset(
    {"get", "load", "build", "make", "create", "init", "setup", "convert", "fix", "try", "patch", "train", "save"}
)
_ENCODE_METHODS = frozenset({"encode", "encode_plus", "batch_encode_plus", "__call__"})
# string methods whose result still starts where the text started
_KEEPS_START = frozenset({"strip", "rstrip", "lstrip", "replace", "format", "removesuffix"})
_MAX_DEPTH = 12
_INSTALLED_TEMPLATE = re.compile(r"\.chat_template\s*=\s*([A-Za-z_]\w*)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class TextOrigin:
    """Why a text is known to come from a chat template rendered with `tokenize=False`."""

    render: str  # the render, in words: "`self.tokenizer.apply_chat_template(..., tokenize=False)`"
    route: tuple[str, ...] = ()  # the hops from the tokenized expression back to the render
    same_function: bool = True  # rendered in the function that tokenizes it
    certain: bool = True  # every value that can reach the tokenizer is such a text
    batch: bool = False  # the tokenized expression is a list of such texts

    def describe(self) -> str:
        """The route in a few words: the helpers and attributes it went through, then the render."""
        hops = [hop for hop in dict.fromkeys(self.route) if hop.startswith(("returned by", "stored in"))]
        return ", ".join([f"rendered by {self.render}", *reversed(hops)])


@dataclass
class TokenizerCall:
    call: cst.Call
    function: FunctionInfo
    text: cst.BaseExpression | None
    add_special_tokens: Flag
    special_tokens_known: bool  # False when an opaque `**kwargs` or `*args` may set `add_special_tokens`
    origin: TextOrigin | None = None  # set when the text comes from a chat template
    via: str = ""  # "" for a direct call, else "the helper `tokenize`"
    inner: TokenizerCall | None = None  # for a helper: the tokenizer call inside it (where a fix goes)

    @property
    def adds_special_tokens(self) -> bool:
        """Special tokens are certainly added: the flag is absent (default True) or a literal True."""
        if not self.special_tokens_known:
            return False
        return not self.add_special_tokens.present or self.add_special_tokens.value is True


@dataclass(frozen=True)
class SplitTokenization:
    """`ids_of(first_text) + ids_of(second_text)` where the second was tokenized with special tokens."""

    node: cst.BinaryOperation | cst.AugAssign
    first: TokenizerCall
    second: TokenizerCall
    function: FunctionInfo


@dataclass
class _Collector:
    functions: list[FunctionInfo]
    calls: list[tuple[cst.Call, FunctionInfo, tuple[cst.CSTNode, ...]]]
    template_calls: list[TemplateCall]
    flows: dict[int, FunctionFlow]
    templates: dict[int, TemplateCall] = field(default_factory=dict)
    defined_names: set[str] = field(default_factory=set)
    by_call: dict[int, TokenizerCall] = field(default_factory=dict)
    _busy: set[tuple[object, ...]] = field(default_factory=set)  # guards against recursion between helpers

    def __post_init__(self) -> None:
        self.templates = {id(template_call.call): template_call for template_call in self.template_calls}
        self.defined_names = {function.name for function in self.functions if not function.is_module}

    def flow(self, function: FunctionInfo) -> FunctionFlow:
        return function_flow(function, self.flows)

    # -- tokenizer calls ------------------------------------------------------------------------------------------
    def collect(self) -> list[TokenizerCall]:
        found: list[TokenizerCall] = []
        for call, function, ancestors in self.calls:
            tokenizer_call = self._direct(call, function)
            if tokenizer_call is not None and not _unpacked_pair(call, ancestors):
                self.by_call[id(call)] = tokenizer_call
                found.append(tokenizer_call)
        helpers = self._helpers(found)
        for call, function, _ in self.calls:
            if id(call) in self.by_call:
                continue
            helper = self._helper_of(call, function, helpers)
            if helper is not None:
                through = self._through_helper(call, function, helper)
                self.by_call[id(call)] = through
                found.append(through)
        bos_free = self._templates_without_bos()
        for tokenizer_call in found:
            if tokenizer_call.text is not None and not bos_free:
                origin = self.template_text(tokenizer_call.text, tokenizer_call.function, 0)
                if origin is None:
                    many = self.template_texts(tokenizer_call.text, tokenizer_call.function, 0)
                    origin = replace(many, batch=True) if many is not None else None
                tokenizer_call.origin = origin
        return found

    def _visible_dict(self, node: cst.BaseExpression, function: FunctionInfo) -> bool:
        """`**{...}`, `**dict(...)`, or `**kwargs` assigned once from one of those and never changed after: every
        key it passes is visible."""
        if isinstance(node, cst.Name):
            name = node.value
            assigned = function.assignments.get(name, [])
            if len(assigned) != 1 or name in function.params:
                return False
            if name in self.flow(function).changed_items or f"{name}.update(" in code(function.node):
                return False
            node = assigned[0]
        if isinstance(node, cst.Dict):
            return all(isinstance(element, cst.DictElement) for element in node.elements)
        return (
            isinstance(node, cst.Call) and dotted_name(node.func) == "dict" and not any(arg.star for arg in node.args)
        )

    def _templates_without_bos(self) -> bool:
        """The module installs its own chat template (`tokenizer.chat_template = LLAVA_CHAT_TEMPLATE`, a literal
        the module defines) and none it installs writes a BOS: what it renders does not start with one, so
        tokenizing it with special tokens is right. A template only passed as a fallback does not count."""
        defined = {
            name
            for function in self.functions
            for name, values in function.assignments.items()
            if any("{%" in (literal := _string_literal(value) or "") or "{{" in literal for value in values)
        }
        if not defined:
            return False  # no template literal to install: skip printing the module
        module = self.functions[0].node
        assert isinstance(module, cst.Module)
        installed = set(_INSTALLED_TEMPLATE.findall(module.code))
        if not installed:
            return False
        literals = {
            name: literal
            for function in self.functions
            for name, values in function.assignments.items()
            if name in installed
            for value in values
            if (literal := _string_literal(value)) is not None
        }
        return set(literals) == installed and not any(_writes_bos(literal) for literal in literals.values())

    def _direct(self, call: cst.Call, function: FunctionInfo) -> TokenizerCall | None:
        func = call.func
        method = None
        if isinstance(func, cst.Attribute) and func.attr.value in _ENCODE_METHODS:
            method = func.attr.value
            if not _is_tokenizer(func.value):
                return None
        elif not _is_tokenizer(func):
            return None
        if isinstance(func, cst.Name) and func.value in self.defined_names:
            return None  # a helper of the module that happens to be called `tokenizer`
        text_arg = keyword(call, "text") or keyword(call, "batch_text_or_text_pairs") or positional(call, 0)
        if method is None and text_arg is None and not call.args:
            return None
        flag = call_flag(ADD_SPECIAL_TOKENS, call, function)
        opaque = not flag.present and any(
            arg.star == "*" or (arg.star == "**" and not self._visible_dict(arg.value, function)) for arg in call.args
        )
        return TokenizerCall(
            call=call,
            function=function,
            text=text_arg.value if text_arg is not None else None,
            add_special_tokens=flag,
            special_tokens_known=not opaque and (not flag.present or flag.value is not None),
        )

    # -- helpers that tokenize their parameter ----------------------------------------------------------------------
    def _helpers(self, found: list[TokenizerCall]) -> dict[str, tuple[FunctionInfo, TokenizerCall, str]]:
        helpers: dict[str, tuple[FunctionInfo, TokenizerCall, str]] = {}
        for tokenizer_call in found:
            function, text = tokenizer_call.function, tokenizer_call.text
            if function.is_module or not isinstance(text, cst.Name) or text.value not in function.params:
                continue
            flow = self.flow(function)
            if any(binding.kind != "param" for binding in flow.bindings.get(text.value, ())):
                continue
            helpers.setdefault(function.name, (function, tokenizer_call, text.value))
        return helpers

    def _helper_of(
        self,
        call: cst.Call,
        function: FunctionInfo,
        helpers: dict[str, tuple[FunctionInfo, TokenizerCall, str]],
    ) -> tuple[FunctionInfo, TokenizerCall, str] | None:
        func = call.func
        if isinstance(func, cst.Name):
            entry = helpers.get(func.value)
            return entry if entry is not None and entry[0].cls is None else None
        if isinstance(func, cst.Attribute) and dotted_name(func.value) in ("self", "cls"):
            entry = helpers.get(func.attr.value)
            if entry is not None and entry[0].cls is not None and entry[0].cls is function.cls:
                return entry
        return None

    def _through_helper(
        self, call: cst.Call, function: FunctionInfo, helper: tuple[FunctionInfo, TokenizerCall, str]
    ) -> TokenizerCall:
        wrapper, inner, text_parameter = helper
        parameters = list(wrapper.params)
        if wrapper.cls is not None and parameters and parameters[0] in ("self", "cls"):
            parameters = parameters[1:]

        def argument(parameter: str) -> cst.BaseExpression | None:
            return bound_argument(call, parameters, parameter)

        flag = inner.add_special_tokens
        known = inner.special_tokens_known
        inner_arg = keyword(inner.call, ADD_SPECIAL_TOKENS)
        forwarded = inner_arg.value if inner_arg is not None else None
        if isinstance(forwarded, cst.Name) and forwarded.value in wrapper.params:
            given = argument(forwarded.value)
            if given is not None:
                flag = flag_from_expression(ADD_SPECIAL_TOKENS, given, function, "call")
                known = flag.value is not None
        return TokenizerCall(
            call=call,
            function=function,
            text=argument(text_parameter),
            add_special_tokens=flag,
            special_tokens_known=known,
            via=f"the helper `{wrapper.qualname}`",
            inner=inner,
        )

    # -- where a text comes from -------------------------------------------------------------------------------------
    def template_text(self, expr: cst.BaseExpression, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """The chat-template render that `expr` (one text) starts with, or None."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(expr, cst.Call):
            return self._call_text(expr, function, depth)
        if isinstance(expr, cst.Name):
            return self._name_text(expr, function, depth, self.template_text, self._binding_text)
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Add):
            # the text starts with the left operand: `prompt + completion`
            return _hop(self.template_text(expr.left, function, depth + 1), f"`{_short(expr)}`")
        if isinstance(expr, cst.IfExp):
            return _either(
                self.template_text(expr.body, function, depth + 1),
                self.template_text(expr.orelse, function, depth + 1),
            )
        if isinstance(expr, cst.Subscript) and len(expr.slice) == 1:
            element = expr.slice[0].slice
            if isinstance(element, cst.Slice):
                # `text[:n]` keeps the start; `text[len(prompt):]` does not
                if element.lower is None or (isinstance(element.lower, cst.Integer) and element.lower.value == "0"):
                    return self.template_text(expr.value, function, depth + 1)
                return None
            key = string_value(element.value)
            base = dotted_name(expr.value)
            if key is not None:
                if base is None:
                    return None
                values = self.flow(function).items.get((base, key), [])
                return _hop(
                    _any(self.template_text(value, function, depth + 1) for value in values), f"`{_short(expr)}`"
                )
            # one text out of a list of them: `texts[i]`, `self.prompts[idx]`
            return _hop(self.template_texts(expr.value, function, depth + 1), f"`{_short(expr)}`")
        return None

    def template_texts(self, expr: cst.BaseExpression, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """The render that the items of `expr` (a list of texts) start with, or None."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(expr, (cst.ListComp, cst.GeneratorExp)):
            return _hop(self.template_text(expr.elt, function, depth + 1), f"the items of `{_short(expr)}`")
        if isinstance(expr, cst.List):
            return _any(
                self.template_text(element.value, function, depth + 1)
                for element in expr.elements
                if not isinstance(element, cst.StarredElement)
            )
        if isinstance(expr, cst.Name):
            found = self._name_text(expr, function, depth, self.template_texts, self._binding_texts)
            return found or self._appended_text(expr.value, function, depth)
        if isinstance(expr, cst.Attribute) and dotted_name(expr.value) == "self" and function.cls is not None:
            return self._attribute_texts(expr.attr.value, function.cls, depth)
        if isinstance(expr, cst.Call):
            callee = dotted_name(expr.func)
            if callee in ("list", "tuple") and expr.args:
                return self.template_texts(expr.args[0].value, function, depth + 1)
            helper = self._helper_function(expr, function)
            if helper is not None:
                return self._returned(helper, None, depth, many=True)
        if isinstance(expr, cst.Subscript) and len(expr.slice) == 1 and isinstance(expr.slice[0].slice, cst.Slice):
            return self.template_texts(expr.value, function, depth + 1)
        return None

    def _call_text(self, call: cst.Call, function: FunctionInfo, depth: int) -> TextOrigin | None:
        template_call = self.templates.get(id(call))
        if template_call is not None:
            if template_call.flag("tokenize").value is False:
                return TextOrigin(_render_words(call, template_call.via))
            return None
        func = call.func
        if isinstance(func, cst.Name) and func.value in function.params and "chat_template" in func.value:
            # a callable handed in as a parameter: `def preprocess(data, apply_chat_template=None)`
            tokenize = keyword(call, "tokenize")
            if tokenize is not None and isinstance(tokenize.value, cst.Name) and tokenize.value.value == "False":
                return TextOrigin(_render_words(call, f"the parameter `{func.value}`"))
            return None
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            if method in _KEEPS_START and not _mentions_bos(call):
                return _hop(self.template_text(func.value, function, depth + 1), f"`{_short(call)}`")
            if method in ("removeprefix", "lstrip") and call.args:
                return None
        helper = self._helper_function(call, function)
        if helper is not None:
            return self._returned(helper, None, depth, many=False)
        return None

    def _name_text(self, name: cst.Name, function: FunctionInfo, depth: int, follow, follow_binding) -> TextOrigin | None:  # type: ignore[no-untyped-def]
        flow = self.flow(function)
        bindings = flow.reaching(name.value, name)
        if not bindings:
            return None
        origins = [follow_binding(binding, function, depth + 1) for binding in bindings]
        known = [origin for origin in origins if origin is not None]
        if not known:
            return None
        first = known[0]
        certain = len(known) == len(origins) and all(origin.certain for origin in known)
        hop = f"`{name.value}`"
        return replace(first, route=(hop, *first.route) if first.route[:1] != (hop,) else first.route, certain=certain)

    def _binding_text(self, binding: Binding, function: FunctionInfo, depth: int) -> TextOrigin | None:
        if binding.value is None:
            return None
        if binding.kind == "assign":
            return self.template_text(binding.value, function, depth)
        if binding.kind == "loop":
            return self.template_texts(binding.value, function, depth)
        if binding.kind == "unpack":
            return self._unpacked(binding, function, depth, many=False)
        return None

    def _binding_texts(self, binding: Binding, function: FunctionInfo, depth: int) -> TextOrigin | None:
        if binding.value is None:
            return None
        if binding.kind == "assign":
            return self.template_texts(binding.value, function, depth)
        if binding.kind == "unpack":
            return self._unpacked(binding, function, depth, many=True)
        return None

    def _unpacked(self, binding: Binding, function: FunctionInfo, depth: int, many: bool) -> TextOrigin | None:
        value = binding.value
        if isinstance(value, (cst.Tuple, cst.List)) and binding.position is not None:
            elements = value.elements
            if binding.position < len(elements):
                element = elements[binding.position].value
                return (self.template_texts if many else self.template_text)(element, function, depth)
            return None
        if isinstance(value, cst.Call):
            helper = self._helper_function(value, function)
            if helper is not None:
                return self._returned(helper, binding.position, depth, many)
        return None

    def _appended_text(self, name: str, function: FunctionInfo, depth: int) -> TextOrigin | None:
        """`texts.append(render(...))` / `texts.extend(...)` / `texts += [...]` in the same function."""
        for kind, value in function.mutations.get(name, ()):
            found = (
                self.template_text(value, function, depth + 1)
                if kind == "append"
                else self.template_texts(value, function, depth + 1)
            )
            if found is not None:
                return _hop(found, f"`{name}`")
        return None

    def _attribute_texts(self, attribute: str, cls: ClassInfo, depth: int) -> TextOrigin | None:
        """A list attribute one method of the class fills (`self.prompts.append(prompt)`) and another reads."""
        key = ("attribute", id(cls), attribute)
        if key in self._busy:
            return None
        self._busy.add(key)
        try:
            for method in cls.methods.values():
                origin = self._appended_text(f"self.{attribute}", method, depth + 1)
                if origin is None and attribute in cls.init_attributes and method.name in ("__init__", "__post_init__"):
                    origin = self.template_texts(cls.init_attributes[attribute], method, depth + 1)
                if origin is not None:
                    hopped = _hop(origin, f"stored in `self.{attribute}`")
                    return replace(hopped, same_function=False) if hopped is not None else None
            return None
        finally:
            self._busy.discard(key)

    # -- helpers that return a rendered text ------------------------------------------------------------------------
    def _helper_function(self, call: cst.Call, function: FunctionInfo) -> FunctionInfo | None:
        func = call.func
        if isinstance(func, cst.Name):
            matches = [
                candidate
                for candidate in self.functions
                if candidate.name == func.value and candidate.cls is None and not candidate.is_module
            ]
            return matches[0] if len(matches) == 1 else None
        if isinstance(func, cst.Attribute) and dotted_name(func.value) == "self" and function.cls is not None:
            return function.cls.methods.get(func.attr.value)
        return None

    def _returned(self, helper: FunctionInfo, position: int | None, depth: int, many: bool) -> TextOrigin | None:
        key = (id(helper), position, "many" if many else "one")
        if key in self._busy or depth > _MAX_DEPTH:
            return None
        self._busy.add(key)
        try:
            origins = []
            for value in self.flow(helper).returns:
                if position is not None:
                    if not isinstance(value, (cst.Tuple, cst.List)) or position >= len(value.elements):
                        continue
                    value = value.elements[position].value
                follow = self.template_texts if many else self.template_text
                origins.append(follow(value, helper, depth + 1))
            found = _any(origins)
            if found is None:
                return None
            return replace(found, route=(f"returned by `{helper.qualname}`", *found.route), same_function=False)
        finally:
            self._busy.discard(key)

    # -- the sibling: two tokenized texts concatenated ---------------------------------------------------------------
    def split_tokenizations(self) -> list[SplitTokenization]:
        found: list[SplitTokenization] = []
        seen: set[int] = set()
        counts: dict[int, int] = {}
        for tokenizer_call in self.by_call.values():
            counts[id(tokenizer_call.function)] = counts.get(id(tokenizer_call.function), 0) + 1
        for function in self.functions:
            if counts.get(id(function), 0) < 2:
                continue  # the sibling needs two tokenizer calls in one function
            for node, left, right in _additions(function):
                first = self.ids_of(left, function, 0)
                second = self.ids_of(right, function, 0)
                if first is None or second is None or first is second or id(second.call) in seen:
                    continue
                seen.add(id(second.call))
                found.append(SplitTokenization(node, first, second, function))
        return found

    def ids_of(self, expr: cst.BaseExpression, function: FunctionInfo, depth: int) -> TokenizerCall | None:
        """The tokenizer call whose ids `expr` is: `tok(x)["input_ids"]`, `tok.encode(x)`, or a name for one."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(expr, cst.Call):
            found = self.by_call.get(id(expr))
            if found is not None and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "encode":
                return found
            return None
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Add):
            return self.ids_of(expr.left, function, depth + 1) or self.ids_of(expr.right, function, depth + 1)
        if isinstance(expr, cst.Subscript) and len(expr.slice) == 1:
            element = expr.slice[0].slice
            if isinstance(element, cst.Index) and string_value(element.value) == "input_ids":
                return self._encoding_of(expr.value, function, depth + 1)
            return None
        if isinstance(expr, cst.Attribute) and expr.attr.value == "input_ids":
            return self._encoding_of(expr.value, function, depth + 1)
        if isinstance(expr, cst.Name):
            bindings = self.flow(function).reaching(expr.value, expr)
            if len(bindings) == 1 and bindings[0].kind == "assign" and bindings[0].value is not None:
                return self.ids_of(bindings[0].value, function, depth + 1)
        return None

    def _encoding_of(self, expr: cst.BaseExpression, function: FunctionInfo, depth: int) -> TokenizerCall | None:
        if isinstance(expr, cst.Call):
            return self.by_call.get(id(expr))
        if isinstance(expr, cst.Name):
            bindings = self.flow(function).reaching(expr.value, expr)
            if len(bindings) == 1 and bindings[0].kind == "assign" and isinstance(bindings[0].value, cst.Call):
                return self.by_call.get(id(bindings[0].value))
        return None


def _additions(
    function: FunctionInfo,
) -> Iterator[tuple[cst.BinaryOperation | cst.AugAssign, cst.BaseExpression, cst.BaseExpression]]:
    """Every `a + b` and `a += b` in the function body (not in nested functions), as (node, left, right)."""
    stack: list[cst.CSTNode] = [function.node]
    while stack:
        node = stack.pop()
        if node is not function.node and isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            yield node, node.left, node.right
        elif isinstance(node, cst.AugAssign) and isinstance(node.operator, cst.AddAssign):
            yield node, node.target, node.value
        stack.extend(reversed(children(node)))


def _unpacked_pair(call: cst.Call, ancestors: tuple[cst.CSTNode, ...]) -> bool:
    """`text, pixels = processor(text, images)`: a processor that returns text, not a tokenizer (a Hugging Face
    processor returns one `BatchFeature`)."""
    parent = ancestors[-1] if ancestors else None
    return (
        isinstance(parent, cst.Assign)
        and parent.value is call
        and any(isinstance(target.target, (cst.Tuple, cst.List)) for target in parent.targets)
    )


def _string_literal(node: cst.BaseExpression) -> str | None:
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _writes_bos(template: str) -> bool:
    lowered = template.lower()
    return any(marker in lowered for marker in ("bos", "<s>", "<|begin_of_text|>", "<|startoftext|>", "[cls]"))


def _is_tokenizer(node: cst.BaseExpression) -> bool:
    name = dotted_name(node)
    if name is None:
        return False
    last = name.split(".")[-1].lower()
    if last.split("_")[0] in _FACTORY_VERBS:
        return False  # `get_tokenizer(...)`, `load_tokenizer(...)`: builds a tokenizer, does not tokenize
    return last in _TOKENIZER_NAMES or last.endswith("tokenizer")


def _mentions_bos(call: cst.Call) -> bool:
    return "bos" in code(call).lower()


def _render_words(call: cst.Call, via: str) -> str:
    words = f"`{code(call.func)}(..., tokenize=False)`"
    return f"{words} ({via})" if via else words


def _short(node: cst.CSTNode, limit: int = 60) -> str:
    text = " ".join(code(node).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _hop(origin: TextOrigin | None, hop: str) -> TextOrigin | None:
    if origin is None:
        return None
    if origin.route[:1] == (hop,):
        return origin
    return replace(origin, route=(hop, *origin.route))


def _either(first: TextOrigin | None, second: TextOrigin | None) -> TextOrigin | None:
    if first is None and second is None:
        return None
    if first is not None and second is not None:
        return replace(first, certain=first.certain and second.certain)
    found = first or second
    assert found is not None
    return replace(found, certain=False)


def _any(origins: Iterable[TextOrigin | None]) -> TextOrigin | None:
    known = [origin for origin in origins if origin is not None]
    return known[0] if known else None


def collect_tokenizer_calls(
    functions: list[FunctionInfo],
    calls: list[tuple[cst.Call, FunctionInfo, tuple[cst.CSTNode, ...]]],
    template_calls: list[TemplateCall],
    flows: dict[int, FunctionFlow],
) -> tuple[list[TokenizerCall], list[SplitTokenization]]:
    collector = _Collector(functions, calls, template_calls, flows)
    tokenizer_calls = collector.collect()
    return tokenizer_calls, collector.split_tokenizations()


