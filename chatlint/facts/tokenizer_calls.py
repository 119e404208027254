"""Calls that tokenize text (`tokenizer(text)`, `tokenizer.encode(text)`, `processor(text=...)`).

For each such call the analysis answers:
- which text it takes (the first positional argument or `text=`), and whether that is a single text or a batch;
- whether special tokens are added: `add_special_tokens` as a literal, a local name, a parameter default, an
  attribute, a `**kwargs` dict the code can see, or unknown (an opaque `**kwargs`);
- whether the text was rendered by a chat template with `tokenize=False` (asked of `rendered_text`, which follows
  the text through names, lists, fields, helpers and attributes);
- the split pattern: the ids of two separately tokenized texts (a prompt and a completion), concatenated with `+`.

Helpers of the module that tokenize their parameter are tokenizer calls too, with the call site's text; so are
those of another module, told by its summary (`TokenizerSummary`, built by `tokenizer_summaries`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import NamedTuple

from chatlint.facts.built_classes import registry_classes
from chatlint.facts.column_names import ColumnName
from chatlint.facts.config_switches import configured_flag
from chatlint.facts.counts import only_counted
from chatlint.facts.datasets import mapped_function
from chatlint.facts.engines import Engines
from chatlint.facts.flags import (
    absent,
    call_flag,
    defining_scope,
    first_pass_flag,
    flag_from_expression,
    mapping_value,
    module_definition,
    passed_value,
    shown_flag,
)
from chatlint.facts.flow import MAX_RESOLUTION_DEPTH, FunctionFlow, function_flow, instance_class
from chatlint.facts.links import Links
from chatlint.facts.model import (
    LISTED,
    TEXT_OR_LISTED,
    CallSite,
    ClassInfo,
    Flag,
    FlagSource,
    FunctionInfo,
    SplitTokenization,
    TokenizerCall,
)
from chatlint.facts.own_templates import function_text, templates_without_bos
from chatlint.facts.rendered_text import RenderedTexts
from chatlint.facts.summary import ModuleSummary, TokenizerSummary
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
    string_value,
    submitted_call,
)
from chatlint.facts.uses import same_value
from chatlint.facts.walk import children, nodes_under
from chatlint.findings import Related

ADD_SPECIAL_TOKENS = "add_special_tokens"
_TOKENIZER_NAMES = frozenset({"tok", "processing_class", "processor", "tokenizer"})
_NOT_TEXT_PROCESSORS = frozenset(
    {
        "image",
        "video",
        "audio",
        "feature",
        "logits",
        "data",
        "pre",
        "post",
        "output",
        "input",
        "batch",
        "text",
        "sample",
    }
)
_FACTORY_VERBS = frozenset(
    {"get", "load", "build", "make", "create", "init", "setup", "convert", "fix", "try", "patch", "train", "save"}
)
ENCODE_METHODS = frozenset({"encode", "encode_plus", "batch_encode_plus", "__call__"})
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


class Helper(NamedTuple):
    """A helper of the module that tokenizes one of its parameters."""

    function: FunctionInfo
    inner: TokenizerCall  # the call inside it
    parameter: str  # the parameter whose text it tokenizes
    # (a boolean parameter, its value) when only a call passing that value keeps the text untouched: the helper
    # changes it under `if not formatted:` (llama-index's `complete(prompt, formatted=True)`)
    guard: tuple[str, bool] | None = None
    # the helper's other calls that tokenize the same parameter directly (a fallback: `except TypeError:
    # tokenizer([text])`), which a fix must turn off too
    also: tuple[TokenizerCall, ...] = ()
    # the method of a base class it implements, when the call names that (`Backend.generate`), for messages
    implements: str = ""
    # the parameter is a list of tuples and the helper tokenizes this element of each (`prompts = [b[2] for b in
    # buf]`, then `tok(prompts)`: a batch flushed by a helper)
    element: int | None = None
    # the parameter is a list and the helper tokenizes each item (`for prompt in prompts: tok(prompt)`): LISTED, or
    # TEXT_OR_LISTED when it first makes a string a list of one (`if isinstance(prompts, str): prompts = [prompts]`)
    items: str = ""


def collect_tokenizer_calls(
    functions: list[FunctionInfo],
    calls: list[CallSite],
    flows: dict[int, FunctionFlow],
    texts: RenderedTexts,
    links: Links | None = None,
    engines: Engines | None = None,
) -> tuple[list[TokenizerCall], list[SplitTokenization]]:
    """Every tokenizer call of the module (direct, through helpers, and a serving engine's `generate` when the
    module names `engines`), each with the origin of its text (asked of `texts`, the module's rendered texts), and
    the split tokenizations among them."""
    by_call: dict[int, TokenizerCall] = {}
    found: list[TokenizerCall] = []
    defined_names = {function.name for function in functions if not function.is_module}
    counted: set[int] = set()
    classes = texts.module_classes
    for call, function, ancestors in calls:
        tokenizer_call = configured_call(call, function, defined_names, flows, classes, links)
        if engines is not None and (
            tokenizer_call is None
            or not tokenizer_call.special_tokens_known
            or not tokenizer_call.add_special_tokens.present
        ):
            # (a pipeline known by its tokenizer's render is the engine the module builds, when it shows one: what
            # its generation keywords hold is known there, and its name says more than "a tokenizer's default")
            tokenizer_call = engine_call(call, function, flows, engines) or tokenizer_call
        if tokenizer_call is None and (submitted := submitted_call(call)) is not None:
            # (a tokenizer, processor or pipeline a thread runs: `Thread(target=pipe, args=(prompt,))`; no fix there,
            # where its call is not written out; one an executor runs is read as its call, `chatlint.handed_calls`)
            tokenizer_call = direct_call(submitted, function, defined_names, flows)
            if tokenizer_call is not None:
                tokenizer_call.fixable = False
        if tokenizer_call is not None and (tokenizer_call.engine or not _unpacked_pair(call, ancestors)):
            by_call[id(call)] = tokenizer_call
            found.append(tokenizer_call)
            if counted_in_place(call, ancestors) or only_counted(call, function, ancestors, flows):
                counted.add(id(call))
    for tokenizer_call in found:
        if not tokenizer_call.special_tokens_known and _kwargs_never_hold_the_flag(tokenizer_call, calls):
            tokenizer_call.special_tokens_known = True
    helpers = parameter_helpers(found, flows, counted)
    for call, function, _ in calls:
        if id(call) in by_call:
            continue
        through = _helper_call(call, function, helpers, flows)
        if through is None and links:
            named = imported = links.tokenizer(call.func)
            if imported is None and isinstance(call.func, ast.Attribute) and links.may_tokenize_in(call.func.attr):
                # a method of an instance of an imported class: `self.encoder.encode(text)`
                cls = instance_class(call.func.value, function, flows)
                imported = links.method_tokenizer(cls, call.func.attr) if cls is not None else None
            if imported is None:
                imported = links.inherited(call.func, function, ModuleSummary.tokenizer)
            if imported is None:
                imported = _implemented_elsewhere(call.func, function, links)
            if named is not None and named[0].dataset:
                through = _dataset_tokenizer(call, function, *named, texts.column_of)
            elif imported is not None and not imported[0].column and not imported[0].dataset:
                through = _through_imported(call, function, *imported)
            if through is None and named is None:
                through = _mapped_row_tokenizer(call, function, links)
        if through is None:
            through = _collated(call, function, helpers, links, flows)
        if through is not None:
            by_call[id(call)] = through
            found.append(through)
    chain_helpers(calls, flows, found, helpers, counted, by_call)
    if found and not templates_without_bos(functions, links):
        for tokenizer_call in found:
            if tokenizer_call.text is not None and tokenizer_call.element is not None:
                # (a batch of tuples a helper tokenizes one element of)
                items = texts.tuple_items(tokenizer_call.text, tokenizer_call.function, 0, tokenizer_call.element)
                tokenizer_call.origin = replace(items, batch=True) if items is not None else None
            elif tokenizer_call.text is not None:
                origin = texts.origin(tokenizer_call.text, tokenizer_call.function)
                if origin is not None and not origin.batch and tokenizer_call.items == LISTED:
                    origin = None  # one text handed to a helper that tokenizes each item of a list
                elif tokenizer_call.items and tokenizer_call.inner is not None:
                    if _walks_a_dataset_of_the_module(tokenizer_call.text, tokenizer_call.function, flows, classes):
                        origin = None  # (judged where the helper walks it: `RenderedTexts._given_dataset`)
                tokenizer_call.origin = origin
            elif tokenizer_call.dataset is not None:
                tokenizer_call.column = texts.column_named(tokenizer_call.column)
                tokenizer_call.origin = texts.dataset_column(
                    tokenizer_call.column, tokenizer_call.dataset, tokenizer_call.function
                )
    return found, _SplitFinder(by_call, flows).find(functions)


def _kwargs_never_hold_the_flag(tokenizer_call: TokenizerCall, calls: list[CallSite]) -> bool:
    """The call's only opaque part is its function's own `**kwargs`, and the function is private to the module
    (`_encode`, `self._apply_template_and_processor`) and called in it, always with keywords it can see, none of them
    `add_special_tokens` (`images=...`, `audio=...`): the mapping never holds the flag."""
    function = tokenizer_call.function
    if tokenizer_call.add_special_tokens.present or not function.name.startswith("_") or function.name.startswith("__"):
        return False
    if not only_own_kwargs(tokenizer_call.call, function, ADD_SPECIAL_TOKENS):
        return False
    callers = [call for call, _, _ in calls if called_name(call) == function.name]
    return bool(callers) and all(
        not passes_star_args(call) and all(item.arg not in (None, ADD_SPECIAL_TOKENS) for item in call.keywords)
        for call in callers
    )


def _implemented_elsewhere(
    func: ast.expr, function: FunctionInfo, links: Links
) -> tuple[TokenizerSummary, ModuleSummary] | None:
    """`self.generate(prompt)` in a method of a class of the module (or of a base class of the module it inherits
    from) that leaves `generate` to its subclasses, one of which, in another module of its folder or below,
    tokenizes its parameter (`class HFModel(ModelInterface)` in `engines/hf.py`)."""
    cls = function.self_class
    if cls is None or not isinstance(func, ast.Attribute) or dotted_name(func.value) not in ("self", "cls"):
        return None
    if not leaves_to_subclasses(cls, func.attr):
        return None
    for owner in cls.lineage():
        found = links.implemented_tokenizer(owner.name, func.attr)
        if found is not None:
            return found
    return None


def _walks_a_dataset_of_the_module(
    text: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow], classes: dict[str, ClassInfo]
) -> bool:
    """Is `text` an instance of a class of the module with a `__getitem__` (`ChatPrompts(...)`)? A helper that
    walks such a dataset is judged inside, where it tokenizes the items its callers pass."""
    built = instance_class(text, function, flows)
    cls = classes.get(dotted_name(built) or "") if built is not None else None
    return cls is not None and "__getitem__" in cls.methods


# -- direct calls -------------------------------------------------------------------------------------------------
def direct_call(
    call: ast.Call, function: FunctionInfo, defined_names: set[str], flows: dict[int, FunctionFlow]
) -> TokenizerCall | None:
    func = call.func
    method = None
    partial = None
    if isinstance(func, ast.Attribute) and func.attr in ENCODE_METHODS:
        method = func.attr
        if not (
            is_tokenizer(func.value) or _loaded_tokenizer(func.value, function) or _is_a_processor(func.value, function)
        ):
            return None
    elif not (
        is_tokenizer(func)
        or _loaded_tokenizer(func, function)
        or _is_a_processor(func, function)
        or _renders_chats(func, function, flows)
    ):
        partial = _tokenizer_partial(func, function)
        if partial is None:
            return None
    if isinstance(func, ast.Name) and func.id in defined_names:
        return None  # a helper of the module that happens to be called `tokenizer`
    text = (
        keyword_value(call, "text")
        or keyword_value(call, "batch_text_or_text_pairs")
        or _after_images(call)
        or positional(call, 0)
        or _spread_text(call, function, flows)
    )
    if method is None and text is None and not call.args and not call.keywords:
        return None
    flag = first_pass_flag(call_flag(ADD_SPECIAL_TOKENS, call, function), call, function)
    if partial is not None and not flag.present:
        # `encode = partial(self.tokenizer, return_tensors="pt", add_special_tokens=False)`: the partial's keywords
        bound = keyword_value(partial, ADD_SPECIAL_TOKENS)
        if bound is not None:
            flag = flag_from_expression(ADD_SPECIAL_TOKENS, bound, function, FlagSource.PARTIAL)
        elif any(item.arg is None for item in partial.keywords):
            return None  # a `**mapping` bound into the partial may hold it
    opaque = not flag.present and (
        passes_star_args(call)
        or any(item.arg is None and not visible_dict(item.value, function, flows) for item in call.keywords)
        # a tokenizer of its own that says whether to add a BOS (litgpt's `encode(text, bos=False)`, torchtune's
        # `add_bos=`): not a Hugging Face tokenizer, and its BOS is decided by that keyword
        or any(item.arg in _OWN_BOS_KEYWORDS for item in call.keywords)
    )
    return TokenizerCall(
        call=call,
        function=function,
        text=text,
        add_special_tokens=flag,
        special_tokens_known=not opaque and (not flag.present or flag.value is not None),
    )


_OWN_BOS_KEYWORDS = frozenset({"bos", "add_bos", "prepend_bos"})


def _after_images(call: ast.Call) -> ast.expr | None:
    """The second positional argument of a processor called with its images first (`processor(images,
    input_text, return_tensors="pt")`, as Mllama's and LLaVA's processors take them), named for images."""
    first, second = positional(call, 0), positional(call, 1)
    name = (dotted_name(first) or "").rsplit(".", 1)[-1].lower() if first is not None else ""
    return second if second is not None and _NAMES_IMAGES.search(name) else None


_NAMES_IMAGES = re.compile(r"image|img|pixel|video|picture|photo")


def configured_call(
    call: ast.Call,
    function: FunctionInfo,
    defined_names: set[str],
    flows: dict[int, FunctionFlow],
    classes: dict[str, ClassInfo],
    links: Links | None,
) -> TokenizerCall | None:
    """`direct_call`, with `add_special_tokens=` given a field of a configuration object (`self.args.add_bos_token`)
    read as the default its class declares for it."""
    tokenizer_call = direct_call(call, function, defined_names, flows)
    if tokenizer_call is not None and (classes or links):
        method = _project_method(call, function, flows, classes, links)
        if method is not None:
            # (a method of a class of the project: what it does decides, a helper the module summarised)
            helper, summary = method
            return _through_imported(call, function, helper, summary) if helper and summary else None
    if tokenizer_call is not None and links and not tokenizer_call.special_tokens_known:
        _shown_keywords(tokenizer_call, links)
    if tokenizer_call is not None and tokenizer_call.add_special_tokens.value is None:
        switched = _switch(call, function, flows, classes, links)
        if switched is not None:
            tokenizer_call.add_special_tokens, declared = switched
            tokenizer_call.special_tokens_known = True
            tokenizer_call.related = (*tokenizer_call.related, *declared)
    return tokenizer_call


def _shown_keywords(tokenizer_call: TokenizerCall, links: Links) -> None:
    """A call whose only hidden keywords are `**mapping`s naming dicts another module shows whole (`tokenizer(texts,
    **ENCODE_KWARGS)` with `ENCODE_KWARGS = dict(padding=True, return_tensors="pt")` in config.py): it adds special
    tokens as they say (the default when none names `add_special_tokens`)."""
    call = tokenizer_call.call
    if passes_star_args(call) or tokenizer_call.add_special_tokens.present:
        return
    mappings = [item.value for item in call.keywords if item.arg is None]
    shown = [(mapping, found) for mapping in mappings if (found := links.flag_dict(mapping)) is not None]
    if not mappings or len(shown) != len(mappings):
        return
    for mapping, (keywords, related) in shown:
        if ADD_SPECIAL_TOKENS in keywords:
            flag = shown_flag(ADD_SPECIAL_TOKENS, keywords[ADD_SPECIAL_TOKENS], mapping, related)
            tokenizer_call.add_special_tokens = flag
        tokenizer_call.related = (*tokenizer_call.related, related)
    tokenizer_call.special_tokens_known = tokenizer_call.add_special_tokens.value is not None or not (
        tokenizer_call.add_special_tokens.present
    )


def _project_method(
    call: ast.Call,
    function: FunctionInfo,
    flows: dict[int, FunctionFlow],
    classes: dict[str, ClassInfo],
    links: Links | None,
) -> tuple[TokenizerSummary | None, ModuleSummary | None] | None:
    """Is the tokenizer call a method of an instance of a class of the project that defines it (`self.tokenizer.
    encode(text)` with `tokenizer: OwnTokenizer`, whose `encode` turns special tokens off)? `(None, None)` for a
    class of the module (its method's own calls are judged where they are), what its module's summary says of the
    method for an imported one (None in the pair when it tokenizes without special tokens, or not at all); None when
    the receiver is not known to be such an instance."""
    func = call.func
    receiver, method = (func.value, func.attr) if isinstance(func, ast.Attribute) else (func, "__call__")
    if method not in ENCODE_METHODS:
        return None
    cls = instance_class(receiver, function, flows)
    name = dotted_name(cls) if cls is not None else None
    if cls is None or name is None:
        return None
    own = classes.get(name)
    if own is not None:
        return (None, None) if any(method in owner.methods for owner in own.lineage()) else None
    found = links.resolve(cls) if links else None
    if found is None or f"{found[1]}.{method}" not in found[0].encoders:
        return None
    helper = links.method_tokenizer(cls, method) if links else None
    return helper if helper is not None else (None, None)


def _switch(
    call: ast.Call,
    function: FunctionInfo,
    flows: dict[int, FunctionFlow],
    classes: dict[str, ClassInfo],
    links: Links | None,
) -> tuple[Flag, tuple[Related, ...]] | None:
    """`add_special_tokens=` given a field of a configuration object (`self.args.add_bos_token`, also through a local
    name assigned it once): the default its class declares for the field (`facts.config_switches`)."""
    value = keyword_value(call, ADD_SPECIAL_TOKENS)
    if isinstance(value, ast.Name):
        assigned = defining_scope(function, value.id).assignments.get(value.id, [])
        value = assigned[0] if len(assigned) == 1 else None
    return configured_flag(ADD_SPECIAL_TOKENS, value, function, flows, classes, links)


def engine_call(
    call: ast.Call, function: FunctionInfo, flows: dict[int, FunctionFlow], engines: Engines
) -> TokenizerCall | None:
    """`llm.generate(prompts, sampling_params)` on a vLLM or SGLang engine, or `pipe(prompt)` on a text-generation
    pipeline: it tokenizes text prompts with special tokens on; only the pipeline takes `add_special_tokens` (an
    opaque `*args` / `**kwargs` leaves it unknown)."""
    found = engines.tokenizing_call(call, function, flows)
    if found is None:
        return None
    # (a call another one runs, `Thread(target=pipe, args=(prompt,), kwargs=...)`: its flags are those written out)
    submitted = submitted_call(call)
    run = submitted or call
    flag = call_flag(ADD_SPECIAL_TOKENS, run, function) if found.takes_flag else absent(ADD_SPECIAL_TOKENS)
    # a `**mapping` can hold the flag only for an engine that takes it (a pipeline); SGLang's `generate` takes a
    # fixed set of keywords (sampling parameters, LoRA, priority), none of them the flag
    opaque = _spreads_beyond_generation(run, function) if found.takes_flag else passes_star_args(run)
    if found.tokenization_kwargs:
        # `llm.generate(prompts, params, tokenization_kwargs={"add_special_tokens": False})`, also inside a `**mapping`
        nested = keyword_value(call, "tokenization_kwargs")
        given = mapping_value(ADD_SPECIAL_TOKENS, nested, function) if nested is not None else None
        if given is not None:
            flag = flag_from_expression(ADD_SPECIAL_TOKENS, given[0], given[1], FlagSource.CALL)
        hidden = any(_may_hold_tokenization_kwargs(item.value, function) for item in call.keywords if item.arg is None)
        opaque = opaque or hidden or (nested is not None and given is None and not _without_the_flag(nested))
    return TokenizerCall(
        call=call,
        function=function,
        text=found.text,
        add_special_tokens=flag,
        special_tokens_known=not opaque and (not flag.present or flag.value is not None),
        engine=found.words,
        engine_takes_flag=found.takes_flag,
        related=found.related,
        # (no edit of the call that runs it turns the flag off: `Thread(...)` takes no `add_special_tokens`)
        fixable=submitted is None,
    )


def visible_dict(node: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> bool:
    """`**{...}`, `**dict(...)`, or `**kwargs` assigned once from one of those and changed after only by keys the
    code shows (`kwargs["max_length"] = n`), or the call of a function of the module whose every return is a dict it
    writes out without the flag: every key it passes is visible."""
    if isinstance(node, ast.Name):
        name = node.id
        function = defining_scope(function, name)  # (a closure's `**gen_kw`: the dict of the function around it)
        assigned = function.assignments.get(name, [])
        if len(assigned) != 1 or name in function.params:
            return False
        if name in function_flow(function, flows).changed_items and not _set_by_literal_keys(name, function):
            return False
        if f"{name}.update(" in function_text(function):
            return False
        node = assigned[0]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id != "dict":
        # `**audio_kwargs(audio=audio)`, a function of the module whose every return is a dict it writes out,
        # none with the flag (which this spread would set where no keyword is read)
        definition = module_definition(function, node.func.id)
        returns = _returned_values(definition) if isinstance(definition, ast.FunctionDef) else []
        return bool(returns) and all(_written_dict(value) and _without_the_flag(value) for value in returns)
    return _written_dict(node)


def _written_dict(node: ast.expr) -> bool:
    """A dict literal or `dict(...)` call with every key written out."""
    if isinstance(node, ast.Dict):
        return all(key is not None for key in node.keys)
    return (
        isinstance(node, ast.Call)
        and dotted_name(node.func) == "dict"
        and not any(isinstance(arg, ast.Starred) for arg in node.args)
        and not any(item.arg is None for item in node.keywords)
    )


def _returned_values(definition: ast.FunctionDef) -> list[ast.expr]:
    """What a function returns, when every `return` gives a value (none of a function nested in it); [] else."""
    returns = [node for node in nodes_under(definition.body) if isinstance(node, ast.Return)]
    values = [node.value for node in returns if node.value is not None]
    return values if len(values) == len(returns) else []


def _set_by_literal_keys(name: str, function: FunctionInfo) -> bool:
    """Is every item the function sets on `name` set under a string literal (`kwargs["max_length"] = n`)?"""
    for node in ast.walk(function.node):
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AugAssign) else []
        )
        for target in targets:
            if (
                isinstance(target, ast.Subscript)
                and dotted_name(target.value) == name
                and string_value(target.slice) is None
            ):
                return False
    return True


def _spread_text(call: ast.Call, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> ast.expr | None:
    """The text a visible `**mapping` passes (`kwargs = {"text": list(prompts), "images": images}`, then
    `processor(**kwargs)`)."""
    for item in call.keywords:
        if item.arg is not None or not visible_dict(item.value, function, flows):
            continue
        mapping = function.assignments[item.value.id][0] if isinstance(item.value, ast.Name) else item.value
        if isinstance(mapping, ast.Dict):
            found = dict(zip(map(string_value, mapping.keys), mapping.values))
            text = found.get("text") or found.get("batch_text_or_text_pairs")
        else:  # `dict(text=..., ...)`
            text = keyword_value(mapping, "text") if isinstance(mapping, ast.Call) else None
        if text is not None:
            return text
    return None


def _unpacked_pair(call: ast.Call, ancestors: tuple[ast.AST, ...]) -> bool:
    """`text, pixels = processor(text, images)`: a processor that returns text, not a tokenizer (a Hugging Face
    processor returns one `BatchFeature`). (An engine's results may be unpacked: `logits, cache =
    model.run_with_cache(text)`.)"""
    parent = ancestors[-1] if ancestors else None
    return (
        isinstance(parent, ast.Assign)
        and parent.value is call
        and any(isinstance(target, (ast.Tuple, ast.List)) for target in parent.targets)
    )


def _tokenizer_partial(func: ast.expr, function: FunctionInfo) -> ast.Call | None:
    """`tok = functools.partial(self.tokenizer, return_tensors="pt")`, assigned once where `func` (a name) is bound:
    the partial call, when it binds a tokenizer."""
    if not isinstance(func, ast.Name):
        return None
    assigned = defining_scope(function, func.id).assignments.get(func.id, [])
    if len(assigned) != 1 or not isinstance(assigned[0], ast.Call) or not is_partial(assigned[0]):
        return None
    bound = assigned[0].args[0] if assigned[0].args else None
    return assigned[0] if bound is not None and is_tokenizer(bound) else None


def is_tokenizer(node: ast.expr) -> bool:
    """`tokenizer`, `self.tok`, `processing_class`: an expression that names a tokenizer (or processor); also an
    item of a collection named for tokenizers (`reward_models.rm_tokenizers[0]`, `self.tokenizers[name]`)."""
    if isinstance(node, ast.Subscript) and not isinstance(node.slice, ast.Slice):
        collection = (dotted_name(node.value) or "").rsplit(".", 1)[-1].lower()
        return collection.endswith("tokenizers")
    name = dotted_name(node)
    if name is None:
        return False
    last = name.split(".")[-1].lower().lstrip("_")  # `self._tok`, a private attribute, names one too
    if last.split("_")[0] in _FACTORY_VERBS:
        return False  # `get_tokenizer(...)`, `load_tokenizer(...)`: builds a tokenizer, does not tokenize
    if last in _TOKENIZER_NAMES or last.endswith(("tokenizer", "_tok", "processing_class")):
        return True
    if last.endswith(("_instance", "_obj", "_object")) and last.rsplit("_", 1)[0].endswith("tokenizer"):
        return True  # `tokenizer_instance`, `self._tokenizer_obj`
    # `teacher_processor`, `vlm_processor`: a model's processor under a role's name (not an image processor, a
    # feature extractor or a logits processor, which take no text)
    head, _, tail = last.rpartition("_")
    return tail == "processor" and bool(head) and head.split("_")[-1] not in _NOT_TEXT_PROCESSORS


def _renders_chats(node: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> bool:
    """`self.proc(text=text)` where the function, or for an attribute of `self` a method of its class, renders with
    `self.proc.apply_chat_template(...)` (or `pipe(text)` with `pipe.tokenizer.apply_chat_template(...)`): what
    renders chat templates and is called is a tokenizer, a processor or a pipeline,
    whatever its name (not an instance of a class the code shows, whose own methods are judged as a class's; a
    module's `encode` beside its own `apply_chat_template` function is no tokenizer's, so only calls of the object
    itself count)."""
    name = dotted_name(node)
    if name is None or name == "self" or "(" in name:
        return False
    # (in a closure, `def _generate(): pipe(prompt, **gen_kw)`, the function around it that binds the name)
    scopes: list[FunctionInfo] = [defining_scope(function, name)]
    if name.startswith("self.") and function.self_class is not None:
        scopes = [method for cls in function.self_class.lineage() for method in cls.methods.values()]
    # (or renders with its tokenizer, `pipe.tokenizer.apply_chat_template(...)`: a pipeline or a processor, called)
    if not any(_renders_with(scope, name) for scope in scopes):
        return False
    built = instance_class(node, function, flows)  # (a class's, not a function's result: `get_pipeline(name)`)
    return built is None or not (dotted_name(built) or "").rsplit(".", 1)[-1][:1].isupper()


def _renders_with(function: FunctionInfo, name: str) -> bool:
    """Does the function render with `name`, or with its tokenizer (`name.tokenizer.apply_chat_template(...)`, or
    through a local name for it: `tok = pipe.tokenizer`, `tok = getattr(pipe, "tokenizer", None)`)?"""
    renderers = function.chat_renderers
    if name in renderers or f"{name}.tokenizer" in renderers:
        return True
    return any(
        (assigned := function.assignments.get(renderer, [])) and all(_tokenizer_of(value) == name for value in assigned)
        for renderer in renderers
        if "." not in renderer
    )


def _tokenizer_of(value: ast.expr) -> str | None:
    """The name whose tokenizer `value` reads (`pipe.tokenizer`, `getattr(pipe, "tokenizer", None)`: `pipe`)."""
    if isinstance(value, ast.Call) and dotted_name(value.func) == "getattr" and len(value.args) >= 2:
        return dotted_name(value.args[0]) if string_value(value.args[1]) == "tokenizer" else None
    if isinstance(value, ast.Attribute) and value.attr == "tokenizer":
        return dotted_name(value.value)
    return None


# a class whose `from_pretrained` loads a tokenizer or a processor (`AutoProcessor`, `LlavaProcessor`,
# `AutoTokenizer`, `LlamaTokenizerFast`); not an image processor or a feature extractor, which take no text
_TOKENIZER_CLASS = re.compile(r"(?<!Image)(?<!Video)(?:Processor|Tokenizer|TokenizerFast)$")


def _loaded_tokenizer(node: ast.expr, function: FunctionInfo) -> bool:
    """`self._image_processor` set to `AutoProcessor.from_pretrained(...)` in `__init__`: a tokenizer (or processor)
    by what loads it, whatever its name."""
    attribute = is_self_attribute(node)
    if attribute is None or function.cls is None:
        return False
    built = function.cls.init_attributes.get(attribute)
    if not (isinstance(built, ast.Call) and isinstance(built.func, ast.Attribute)):
        return False
    if built.func.attr != "from_pretrained":
        return False
    return _TOKENIZER_CLASS.search((dotted_name(built.func.value) or "").rsplit(".", 1)[-1]) is not None


def _is_a_processor(node: ast.expr, function: FunctionInfo) -> bool:
    """`self` in a method of a subclass of a transformers processor or tokenizer (`class ColProcessor(
    Gemma3Processor)`, `ProcessorMixin`), which does not define `__call__` itself: `self(text=...)` tokenizes."""
    if not (isinstance(node, ast.Name) and node.id == "self") or function.cls is None:
        return False
    if function.cls.defines("__call__"):
        return False
    bases = (base.rsplit(".", 1)[-1] for cls in function.cls.lineage() for base in cls.bases)
    return any(
        base == "ProcessorMixin"
        or (_TOKENIZER_CLASS.search(base) and not base.startswith(("Logits", "Audio", "Feature")))
        for base in bases
    )


# -- helpers that tokenize their parameter ------------------------------------------------------------------------
def parameter_helpers(
    found: list[TokenizerCall], flows: dict[int, FunctionFlow], counted: set[int] | frozenset[int] = frozenset()
) -> dict[str, Helper]:
    """The functions that tokenize one of their parameters, untouched, by name (the first such call wins); a call
    whose ids are only counted where they are made (`counted`: `len(tok(text)["input_ids"])`) makes no helper: its
    callers get a length, not ids."""
    helpers: dict[str, Helper] = {}
    chosen: set[tuple[str, str]] = set()
    for tokenizer_call in found:
        if id(tokenizer_call.call) in counted:
            continue
        function, text = tokenizer_call.function, tokenizer_call.text
        text = _same_starts(text, function)
        if isinstance(text, ast.List) and len(text.elts) == 1:
            text = text.elts[0]  # `processor(text=[text], images=images)`: a batch of the one text
        elif isinstance(text, ast.List) and text.elts:
            # `tokenizer([chosen_text, rejected_text])`: a batch of its parameters, judged by the first
            given = [item for item in text.elts if isinstance(item, ast.Name) and item.id in function.params]
            text = given[0] if len(given) == len(text.elts) else text
        text = _sliced(text, function)
        if function.is_module or not isinstance(text, ast.Name):
            continue
        flow = function_flow(function, flows)
        enclosing = _enclosing_parameter(text, function, flow)
        if enclosing is not None:  # a closure the method runs (`def sync_generate(): tok(prompt)`, in an executor)
            function, flow = enclosing, function_flow(enclosing, flows)
        guarded = _guarded_copy(text, function, flow) if text.id not in function.params else None
        if guarded is not None:
            helpers.setdefault(helper_key(function), Helper(function, tokenizer_call, *guarded))
        element = _element_of_a_parameter(text, function, flow) if text.id not in function.params else None
        if element is not None:
            helpers.setdefault(helper_key(function), Helper(function, tokenizer_call, element[0], element=element[1]))
            continue
        if text.id not in function.params:
            listed = _item_of_a_parameter(text, function, flow, 0)
            if listed is not None:  # (`for prompt, completion in zip(prompts, completions): encode(prompt + ...)`)
                items = LISTED if flow.never_rebound(listed) else TEXT_OR_LISTED
                helpers.setdefault(helper_key(function), Helper(function, tokenizer_call, listed, items=items))
            continue
        if not flow.never_rebound(text.id) and not _reached_as_given(text, flow):
            continue
        key = helper_key(function)
        known = helpers.get(key)
        if known is None:
            helpers[key] = Helper(function, tokenizer_call, text.id)
        elif known.parameter == text.id and known.guard is None and not tokenizer_call.via and not known.inner.via:
            helpers[key] = known._replace(also=(*known.also, tokenizer_call))
        if _turned_off(tokenizer_call):
            chosen.add((key, text.id))
    # one that tokenizes the parameter with special tokens off on some paths and on on others chooses by what it
    # knows of the text (`if request.messages is not None: ... add_special_tokens=False`): not judged from outside
    return {
        key: helper
        for key, helper in helpers.items()
        if (key, helper.parameter) not in chosen or helper.guard is not None
    }


def _enclosing_parameter(text: ast.Name, function: FunctionInfo, flow: FunctionFlow) -> FunctionInfo | None:
    """The function `function` is defined in, when `text` is a parameter of it the nested function uses as it is
    (never bound there): what the closure tokenizes is what the enclosing function was given."""
    outer = function.outer
    if outer is None or outer.is_module or text.id in function.params or flow.bindings.get(text.id):
        return None
    return outer if text.id in outer.params else None


def _turned_off(tokenizer_call: TokenizerCall) -> bool:
    """Does the call ask for special tokens off, by a literal it passes (`self._encode(text,
    add_special_tokens=False)`, whatever the helper it calls does with it)?"""
    return bool_literal(keyword_value(tokenizer_call.call, ADD_SPECIAL_TOKENS)) is False


def _reached_as_given(text: ast.Name, flow: FunctionFlow) -> bool:
    """Does the parameter `text` reach its tokenization as the caller gave it on at least one path (`if compress:
    prompt = compress(prompt)`, then `tok.encode(prompt)`), with no rebinding on the way that takes a BOS off
    (`prompt = prompt[len(tok.bos_token):]`)?"""
    bindings = flow.reaching(text.id, text)
    if not any(binding.kind == "param" for binding in bindings):
        return False
    return not any(binding.value is not None and "bos" in code(binding.value).lower() for binding in bindings)


def _item_of_a_parameter(text: ast.Name, function: FunctionInfo, flow: FunctionFlow, depth: int) -> str | None:
    """The list parameter `text` is an item of, or starts with one: a loop over it (`for prompt in prompts`, `for
    prompt, completion in zip(prompts, completions)`, also in a comprehension), or an item of a local list filled
    with such items (`chosen.append(prompt + completion)`, then `for text in chosen`); None otherwise."""
    bindings = flow.bindings.get(text.id, [])
    if depth > 2 or len(bindings) != 1:
        return None
    binding = bindings[0]
    iterable = binding.value
    if binding.kind == "loop-unpack" and isinstance(iterable, ast.Call) and binding.position is not None:
        name = dotted_name(iterable.func)
        offset = 1 if name == "enumerate" else 0
        if name not in ("zip", "enumerate") or binding.position - offset >= len(iterable.args):
            return None
        iterable = iterable.args[binding.position - offset] if binding.position >= offset else None
    elif binding.kind != "loop":
        return None
    if not isinstance(iterable, ast.Name):
        return None
    if iterable.id in function.params:
        kept = flow.never_rebound(iterable.id) or _listed_when_a_string(iterable.id, function, flow)
        return iterable.id if kept else None
    # a list of its own, assigned empty (`chosen = []`) and only appended to
    mutations = function.mutations.get(iterable.id, [])
    appended = [value for kind, value in mutations if kind == "append"]
    emptied = all(isinstance(value, ast.List) and not value.elts for value in function.assignments.get(iterable.id, []))
    if not appended or len(appended) != len(mutations) or not emptied:
        return None
    found = set()
    for value in appended:
        while isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
            value = value.left
        item = _item_of_a_parameter(value, function, flow, depth + 1) if isinstance(value, ast.Name) else None
        if item is None:
            return None
        found.add(item)
    return found.pop() if len(found) == 1 else None


def _listed_when_a_string(name: str, function: FunctionInfo, flow: FunctionFlow) -> bool:
    """Is the parameter `name` rebound only to a list of itself when it is a string (`if isinstance(prompts, str):
    prompts = [prompts]`): a helper for one text or a list of them?"""
    rebound = [binding for binding in flow.bindings.get(name, ()) if binding.kind != "param"]
    tests = [
        node
        for node in ast.walk(function.node)
        if isinstance(node, ast.If) and not node.orelse and _tests_for_a_string(node.test, name)
    ]
    return all(
        binding.kind == "assign"
        and isinstance(binding.value, ast.List)
        and len(binding.value.elts) == 1
        and isinstance(binding.value.elts[0], ast.Name)
        and binding.value.elts[0].id == name
        and any(binding.statement in test.body for test in tests)
        for binding in rebound
    )


def _tests_for_a_string(test: ast.expr, name: str) -> bool:
    """`isinstance(name, str)` (also with `str` among a tuple of types)."""
    if not (isinstance(test, ast.Call) and called_name(test) == "isinstance" and len(test.args) == 2):
        return False
    subject, kinds = test.args
    types = kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]
    named = isinstance(subject, ast.Name) and subject.id == name
    return named and any(isinstance(item, ast.Name) and item.id == "str" for item in types)


def _element_of_a_parameter(text: ast.Name, function: FunctionInfo, flow: FunctionFlow) -> tuple[str, int] | None:
    """(the list parameter, the position) when `text` is bound once to one element of the tuples the parameter
    holds: `prompts = [b[2] for b in buf]` or `[prompt for _, prompt in buf]` (a batch of `(sample, prompt)` pairs
    a helper tokenizes), or `for prompt, _ in buf` (each pair's, one at a time)."""
    bindings = flow.bindings.get(text.id, [])
    unpacked = bindings[0] if len(bindings) == 1 and bindings[0].kind == "loop-unpack" else None
    if unpacked is not None and isinstance(unpacked.value, ast.Name) and unpacked.position is not None:
        # `for context, continuation in requests: encode(context)`: one element of each pair, one at a time
        listed = unpacked.value.id
        return (listed, unpacked.position) if listed in function.params and flow.never_rebound(listed) else None
    value = bindings[0].value if len(bindings) == 1 and bindings[0].kind == "assign" else None
    if not isinstance(value, (ast.ListComp, ast.GeneratorExp)) or len(value.generators) != 1:
        return None
    loop = value.generators[0]
    if loop.ifs or not isinstance(loop.iter, ast.Name) or loop.iter.id not in function.params:
        return None
    position = None
    if isinstance(loop.target, ast.Name) and isinstance(value.elt, ast.Subscript):
        index = value.elt.slice
        if (
            isinstance(value.elt.value, ast.Name)
            and value.elt.value.id == loop.target.id
            and isinstance(index, ast.Constant)
            and type(index.value) is int
            and index.value >= 0
        ):
            position = index.value
    elif isinstance(loop.target, ast.Tuple) and isinstance(value.elt, ast.Name):
        names = [item.id if isinstance(item, ast.Name) else None for item in loop.target.elts]
        position = names.index(value.elt.id) if value.elt.id in names else None
    if position is None or not flow.never_rebound(loop.iter.id):
        return None
    return loop.iter.id, position


def _guarded_copy(text: ast.Name, function: FunctionInfo, flow: FunctionFlow) -> tuple[str, tuple[str, bool]] | None:
    """`full_prompt = prompt`, changed only under `if not formatted:` (or `if formatted:`) for a boolean parameter
    `formatted`: the parameter whose text reaches the tokenizer untouched, and (that flag, the value that skips the
    changes)."""
    bindings = flow.reaching(text.id, text)
    copies = [item for item in bindings if item.kind == "assign" and isinstance(item.value, ast.Name)]
    if len(copies) != 1 or len(bindings) < 2:
        return None
    source = copies[0].value
    assert isinstance(source, ast.Name)
    if source.id not in function.params or not flow.never_rebound(source.id):
        return None
    changed = {id(item.statement) for item in bindings if item is not copies[0]}
    for node in ast.walk(function.node):
        if not isinstance(node, ast.If) or node.orelse:
            continue
        test, skipping = node.test, False
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            test, skipping = test.operand, True
        if not isinstance(test, ast.Name) or test.id not in function.params:
            continue
        default = function.params[test.id].default
        if not (isinstance(default, ast.Constant) and isinstance(default.value, bool)):
            continue
        if changed <= {id(statement) for statement in ast.walk(node)}:
            return source.id, (test.id, skipping)
    return None


def chain_helpers(
    calls: list[CallSite],
    flows: dict[int, FunctionFlow],
    found: list[TokenizerCall],
    helpers: dict[str, Helper],
    counted: set[int] | frozenset[int],
    taken: dict[int, TokenizerCall],
) -> None:
    """Helpers of helpers, a few deep: `encode_pair(prompt, completion)` calling `self._encode(prompt + completion)`.
    Each call of a new helper becomes a tokenizer call (in `found` and `taken`, by the call's id), and each function
    that tokenizes its parameter through one becomes a helper (in `helpers`)."""
    for _ in range(MAX_RESOLUTION_DEPTH):
        # (one whose inner call fixes at its own call site, a `**kwargs` helper, is not chained: no fix reaches it;
        # one whose inner call is a helper of another module is: no fix reaches that either way)
        more = {
            name: item
            for name, item in parameter_helpers(found, flows, counted).items()
            if name not in helpers and not (item.inner.opaque_helper and not item.inner.related)
        }
        if not more:
            break
        helpers.update(more)
        for call, function, _ in calls:
            through = _helper_call(call, function, more, flows) if id(call) not in taken else None
            if through is not None:
                taken[id(call)] = through
                found.append(through)


def helper_key(function: FunctionInfo) -> str:
    """A helper's key: its name, or `Class.name` for a method (a function and a method of the same name, or methods
    of two classes, are different helpers; so are functions of the same name nested in different functions)."""
    if function.cls is not None:
        return f"{function.cls.name}.{function.name}"
    return function.qualname if function.outer is not None and not function.outer.is_module else function.name


def _same_starts(text: ast.expr | None, function: FunctionInfo) -> ast.expr | None:
    """What `text` (a text, or a list of them) holds the starts of: `prompt + completion` starts with `prompt`;
    `list(prompts)`, `prompts[:n]` and `[p + "0." for p in prompts]` (also through a local name given one of those
    once) hold those of `prompts`."""
    for _ in range(MAX_RESOLUTION_DEPTH):
        before = text
        while isinstance(text, ast.BinOp) and isinstance(text.op, ast.Add):
            text = text.left  # `prompt + completion`: the text starts with the parameter
        text = _copied(text) or text  # `llm.generate(list(prompts))`: the same texts
        text = _comprehended(text, function)
        text = _sliced(text, function) if text is not None and not isinstance(text, ast.List) else text
        if text is before:
            break
    return text


def _comprehended(text: ast.expr | None, function: FunctionInfo) -> ast.expr | None:
    """`prompts` for `[p + "0." for p in prompts]` or a local name given only that: each item starts where one of
    `prompts` does."""
    built = text
    if isinstance(text, ast.Name) and text.id not in function.params:
        assigned = function.assignments.get(text.id, [])
        if len(assigned) == 1 and isinstance(assigned[0], ast.ListComp):
            built = assigned[0]
    if not isinstance(built, ast.ListComp) or len(built.generators) != 1:
        return text
    generator = built.generators[0]
    item = built.elt
    while isinstance(item, ast.BinOp) and isinstance(item.op, ast.Add):
        item = item.left
    target = generator.target
    if isinstance(target, ast.Name) and isinstance(item, ast.Name) and item.id == target.id:
        return generator.iter
    return text


def _sliced(text: ast.expr | None, function: FunctionInfo) -> ast.expr | None:
    """`prompts` for `prompts[i : i + n]` or a name assigned only that (`batch = prompts[i : i + n]`): a chunk of the
    texts, each starting where it started (see `_chunk_start`)."""
    if isinstance(text, ast.Name) and text.id not in function.params:
        assigned = function.assignments.get(text.id, [])
        if len(assigned) == 1 and isinstance(assigned[0], ast.Subscript):
            text = assigned[0]
    if isinstance(text, ast.Subscript) and isinstance(text.slice, ast.Slice) and _chunk_start(text.slice, function):
        return text.value
    return text


def _chunk_start(bounds: ast.Slice, function: FunctionInfo) -> bool:
    """The slice starts at the start (`[:n]`), at an offset it ends a chunk's size after (`[i : i + n]`, a `range()`
    loop's step or a `while` loop's offset), or at a chunk's number times its size (`[i * n : (i + 1) * n]` under `for
    i in range(n_batches)`, also through `tqdm(...)`): a chunk of a list, not a text cut after its first
    characters."""
    lower = bounds.lower
    if lower is None or (isinstance(lower, ast.Constant) and lower.value == 0):
        return True
    upper = bounds.upper
    if (
        isinstance(lower, ast.Name)
        and isinstance(upper, ast.BinOp)
        and isinstance(upper.op, ast.Add)
        and isinstance(upper.left, ast.Name)
        and upper.left.id == lower.id
    ):
        return True  # `[idx : idx + chunk_size]`: a chunk from where the last one ended (a `while` loop's offset)
    if isinstance(lower, ast.BinOp) and isinstance(lower.op, ast.Mult):
        # `i * batch_size`: the loop's number, counting chunks
        return any(_range_walked(side, function) is not None for side in (lower.left, lower.right))
    walked = _range_walked(lower, function)
    return walked is not None and len(walked.args) == 3


def _range_walked(name: ast.expr, function: FunctionInfo) -> ast.Call | None:
    """The `range(...)` a loop of the function walks `name` over (`for i in range(...)`, `for i in tqdm(range(...))`),
    or None."""
    walked = function.loop_sources.get(name.id) if isinstance(name, ast.Name) else None
    if (
        isinstance(walked, ast.Call)
        and dotted_name(walked.func) in ("tqdm", "tqdm.tqdm", "tqdm.auto.tqdm")
        and walked.args
    ):
        walked = walked.args[0]  # (a progress bar around the range)
    return walked if isinstance(walked, ast.Call) and dotted_name(walked.func) == "range" else None


def _copied(node: ast.expr | None) -> ast.expr | None:
    """`x` for `list(x)`, `tuple(x)` or `str(x)`: the same text, or texts, copied."""
    if isinstance(node, ast.Call) and dotted_name(node.func) in ("list", "tuple", "str") and not node.keywords:
        return node.args[0] if len(node.args) == 1 and not isinstance(node.args[0], ast.Starred) else None
    return None


def counted_in_place(call: ast.Call, ancestors: tuple[ast.AST, ...]) -> bool:
    """`len(tok(text))`, `len(tok(text)["input_ids"])`: the ids are counted where they are made."""
    _, above = same_value(call, ancestors, through_ids=True)
    parent = above[-1] if above else None
    return isinstance(parent, ast.Call) and called_name(parent) == "len"


def _helper_of(
    call: ast.Call, function: FunctionInfo, helpers: dict[str, Helper], flows: dict[int, FunctionFlow]
) -> Helper | None:
    """The helper of the module a call calls: a module-level function, a method of the caller's class (its own or
    inherited from a base class of the module), or one of an instance of a class of the module
    (`engine.sample(prompts)` with `engine = Engine()`)."""
    func = call.func
    entry: Helper | None = None
    if isinstance(func, ast.Name):
        # a function nested in the caller or in a function around it (the innermost), else one of the module
        scope: FunctionInfo | None = function
        while entry is None and scope is not None and not scope.is_module:
            entry = helpers.get(f"{scope.qualname}.{func.id}")
            scope = scope.outer
        entry = entry or helpers.get(func.id)
    elif isinstance(func, ast.Attribute) and (dotted_name(func.value) in ("self", "cls") or _calls_super(func.value)):
        cls = function.self_class
        # the class's own method, or the one it inherits from a base class of the module (an override that does not
        # tokenize wins); `super().encode(...)` starts at the first base
        lineage = cls.lineage() if cls is not None else []
        for owner in lineage[1:] if _calls_super(func.value) else lineage:
            candidate = helpers.get(f"{owner.name}.{func.attr}")
            if candidate is not None and candidate.function.cls is owner:
                entry = candidate
                break
            if func.attr in owner.methods:
                break
        if entry is None and cls is not None:
            entry = _implementation(cls, func.attr, helpers)
    elif isinstance(func, ast.Attribute) and any(helper.function.name == func.attr for helper in helpers.values()):
        built = instance_class(func.value, function, flows)
        name = dotted_name(built) if built is not None else None
        entry = helpers.get(f"{name}.{func.attr}") if name is not None else None
        if entry is None and name is not None:
            # built through a registry of the module whose classes share no base: the keys that pick the class
            # whose method tokenizes (`BACKENDS[kind](model)`, `BACKENDS = {"hf": HFBackend, "echo": EchoBackend}`)
            members = registry_classes(name, function)
            entry = next((helpers[key] for cls in members if (key := f"{cls}.{func.attr}") in helpers), None)
        base = _class_named(name, helpers) if entry is None and name is not None else None
        if base is not None:
            entry = _implementation(base, func.attr, helpers)
    if entry is not None and entry.guard is not None:
        # the text reaches the tokenizer untouched only when the call passes the value that skips the changes
        flag, skipping = entry.guard
        given = bound_argument(call, entry.function.call_params, flag)
        if not (isinstance(given, ast.Constant) and given.value is skipping):
            return None
    return entry


def _implementation(base: ClassInfo, method: str, helpers: dict[str, Helper]) -> Helper | None:
    """A subclass of the module's class `base` whose `method` tokenizes its parameter, where `base` leaves the
    method to its subclasses (declares a stub, `@abstractmethod def generate(self, prompt): ...`, or neither it nor
    a base class of the module defines it): what a call on an instance the code knows only as `base` runs with that
    subclass (the first one)."""
    if not leaves_to_subclasses(base, method):
        return None
    for helper in helpers.values():
        cls = helper.function.cls
        if helper.function.name == method and cls is not None and any(item is base for item in cls.lineage()[1:]):
            return helper._replace(implements=f"{base.name}.{method}")
    return None


def leaves_to_subclasses(base: ClassInfo, method: str) -> bool:
    """Does `base` leave `method` to its subclasses: declared as a stub, or defined neither by it nor by a base
    class of its module?"""
    declared = next((cls.methods[method] for cls in base.lineage() if method in cls.methods), None)
    return declared is None or declared.is_stub


def leaving_base(cls: ClassInfo, method: str) -> ClassInfo | None:
    """The nearest base class of the module that `cls` inherits from and that leaves `method` to its subclasses: an
    importer that knows an instance only as that base (`backend: Backend`) runs `cls`'s `method` (summaries list it
    under the base's name too)."""
    return next((base for base in cls.lineage()[1:] if leaves_to_subclasses(base, method)), None)


def _class_named(name: str, helpers: dict[str, Helper]) -> ClassInfo | None:
    """The module's class `name`, as a base class of a helper's class."""
    for helper in helpers.values():
        for item in helper.function.cls.lineage()[1:] if helper.function.cls is not None else ():
            if item.name == name:
                return item
    return None


def _helper_call(
    call: ast.Call, function: FunctionInfo, helpers: dict[str, Helper], flows: dict[int, FunctionFlow]
) -> TokenizerCall | None:
    """A call of one of `helpers` as a tokenizer call: called directly, or run by a thread with its arguments
    (`Thread(target=self.generate, args=(prompt,))`; no fix at such a call, where the helper's call is not written
    out; one an executor runs is read as its call, `chatlint.handed_calls`)."""
    submitted = submitted_call(call)
    unbound = _unbound_method_call(call, function, helpers) if submitted is None else None
    if unbound is not None:
        # `Base.encode(self, prompt)`: the base class's method, its arguments after `self`; no fix at such a call
        method, shifted = unbound
        if _drops_bos_when_asked(method.function, shifted):
            return None
        through = _through_helper(shifted, function, method)
        through.fixable = False
        return through
    helper = _helper_of(submitted or call, function, helpers, flows)
    if helper is None or _drops_bos_when_asked(helper.function, submitted or call):
        return None
    through = _through_helper(submitted or call, function, helper)
    if submitted is not None:
        through.fixable = False
    return through


def _unbound_method_call(
    call: ast.Call, function: FunctionInfo, helpers: dict[str, Helper]
) -> tuple[Helper, ast.Call] | None:
    """`Base.encode(self, prompt)` in a method of a subclass of `Base` (a class of the module): the helper method,
    and the call as the method sees its arguments (without `self`)."""
    func = call.func
    cls = function.self_class
    if not (
        cls is not None
        and isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and call.args
        and isinstance(call.args[0], ast.Name)
        and call.args[0].id == "self"
        and any(owner.name == func.value.id for owner in cls.lineage()[1:])
    ):
        return None
    helper = helpers.get(f"{func.value.id}.{func.attr}")
    if helper is None or helper.guard is not None or helper.function.cls is None:
        return None
    shifted = ast.copy_location(ast.Call(func=func, args=call.args[1:], keywords=call.keywords), call)
    return helper, shifted


# a helper's parameter that makes it take the BOS off the ids it returns (`strip_bos_token=True`)
_DROPS_BOS = re.compile(r"(?:strip|remove|drop|skip|no)_?bos")


def _calls_super(node: ast.expr) -> bool:
    """`super()` (or `super(Cls, self)`)."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


def _drops_bos_when_asked(helper: FunctionInfo, call: ast.Call) -> bool:
    """Does the call pass True for a parameter of the helper named for dropping the BOS from what it returns
    (`self._tokenize(response, strip_bos_token=True)`, with `if ids[0] == bos_token_id and strip_bos_token: ids =
    ids[1:]` inside)?"""
    params = helper.call_params
    return any(
        _DROPS_BOS.match(param) and bool_literal(bound_argument(call, params, param)) is True for param in params
    )


def _through_helper(call: ast.Call, function: FunctionInfo, helper: Helper) -> TokenizerCall:
    """The helper's call site as a tokenizer call: its text, and the flag the caller passes when the helper forwards
    a parameter as `add_special_tokens=`."""
    wrapper, inner, text_parameter = helper.function, helper.inner, helper.parameter
    parameters = wrapper.call_params
    flag = inner.add_special_tokens
    known = inner.special_tokens_known
    # where a fix goes: the call inside (the innermost, for a helper of a helper), or (None) the call site
    fixed_inside: TokenizerCall | None = inner.inner if inner.via else inner
    forwarded = keyword_value(inner.call, ADD_SPECIAL_TOKENS)
    deepest = inner.inner if inner.via else None
    if forwarded is None and deepest is not None and called_name(inner.call) == deepest.function.name:
        # a helper of a helper: what this helper passes for the inner helper's flag parameter, also by position
        # (`self._encode(prompt, max_tokens, add_special_tokens)` with `tok(prompt, add_special_tokens=...)` inside)
        deeper = keyword_value(deepest.call, ADD_SPECIAL_TOKENS)
        if isinstance(deeper, ast.Name) and deeper.id in deepest.function.params:
            forwarded = bound_argument(inner.call, deepest.function.call_params, deeper.id)
            if isinstance(forwarded, ast.Name) and forwarded.id in wrapper.params:
                fixed_inside = None  # (the inner helper's default is not what reaches it: the fix passes the flag here)
    if isinstance(forwarded, ast.Name) and forwarded.id in wrapper.params:
        given = bound_argument(call, parameters, forwarded.id)
        if given is not None:
            flag = flag_from_expression(ADD_SPECIAL_TOKENS, given, function, FlagSource.CALL)
            known = flag.value is not None
    elif not known and only_own_kwargs(inner.call, wrapper, ADD_SPECIAL_TOKENS):
        # `def encode(self, text, **kwargs): return self.tokenizer.encode(text, **kwargs)`: the caller's keywords
        # are the ones that reach the tokenizer; with none that may hold the flag, it is the default (on), and the
        # fix passes `add_special_tokens=False` there
        flag = call_flag(ADD_SPECIAL_TOKENS, call, function)
        known = not _spreads(call) and (not flag.present or flag.value is not None)
        fixed_inside = None
    guard = f" (called with `{helper.guard[0]}={helper.guard[1]}`)" if helper.guard is not None else ""
    guard += f" (which implements `{helper.implements}`)" if helper.implements else ""
    return TokenizerCall(
        call=call,
        function=function,
        text=bound_argument(call, parameters, text_parameter),
        add_special_tokens=flag,
        special_tokens_known=known,
        via=f"the helper `{wrapper.qualname}`{guard}",
        inner=fixed_inside,
        engine=inner.engine,
        # (a helper that tokenizes through one of another module: no edit here or in it turns special tokens off)
        fixable=helper.guard is None and not (inner.opaque_helper and inner.related),
        also_inner=helper.also if fixed_inside is inner else (),
        related=inner.related if inner.opaque_helper else (),
        element=helper.element,
        items=helper.items,
    )


def _may_hold_tokenization_kwargs(spread: ast.expr, function: FunctionInfo) -> bool:
    """A `**mapping` handed to vLLM's `generate` that the code shows setting `tokenization_kwargs` on some path
    (`extra = {"tokenization_kwargs": {"add_special_tokens": False}} if templated else {}`): what the tokenizer gets
    depends on it. A caller's `**kwargs` is taken for sampling options, as before vLLM took the keyword."""
    values = function.assignments.get(spread.id, []) if isinstance(spread, ast.Name) else [spread]
    return any("tokenization_kwargs" in code(value) for value in values)


def _without_the_flag(mapping: ast.expr) -> bool:
    """A dict literal (or `dict(...)` call) without `add_special_tokens` (`tokenization_kwargs={"truncation":
    True}`)."""
    if isinstance(mapping, ast.Call) and dotted_name(mapping.func) == "dict":
        return not mapping.args and all(item.arg not in (None, ADD_SPECIAL_TOKENS) for item in mapping.keywords)
    return (
        isinstance(mapping, ast.Dict)
        and None not in mapping.keys
        and ADD_SPECIAL_TOKENS not in {string_value(key) for key in mapping.keys if key is not None}
    )


def _spreads(call: ast.Call) -> bool:
    """The call passes `*args` or `**mapping`: what they hold is not known here."""
    return passes_star_args(call) or any(item.arg is None for item in call.keywords)


def _spreads_beyond_generation(call: ast.Call, function: FunctionInfo) -> bool:
    """`_spreads`, but a `**mapping` named for generation settings (`**gen_kwargs`, `**self.generation_kwargs`,
    `**sampling_params`) is read as holding them, not how the prompt is tokenized (a pipeline's call takes both);
    so is the function's own `**kwargs` when it reads generation settings off them
    (`kwargs.pop("max_new_tokens", 256)`) and never the flag."""
    return passes_star_args(call) or any(
        item.arg is None
        and not _GENERATION_SETTINGS.search(_spread_name(item.value))
        and not _read_for_generation(item.value, function)
        and not _built_for_generation(item.value, function)
        for item in call.keywords
    )


def _built_for_generation(spread: ast.expr, function: FunctionInfo) -> bool:
    """A local dict built with generation settings the code shows and the caller's `**kwargs` merged in (`kw =
    {"temperature": t, "do_sample": True, **kwargs}`, also filtered after: `kw = {k: v for k, v in kw.items() if v
    is not None}`), never naming the flag: read as generation settings, as the function's own `**kwargs` are when
    it reads them so."""
    if not isinstance(spread, ast.Name) or spread.id in function.params:
        return False
    function = defining_scope(function, spread.id)  # (a closure's: the dict of the function around it)
    built = [
        value
        for value in function.assignments.get(spread.id, [])
        if not (isinstance(value, ast.DictComp) and _iterates_items_of(value, spread.id))
    ]
    if len(built) != 1 or not isinstance(built[0], ast.Dict):
        return False
    keys = {string_value(key) for key in built[0].keys if key is not None}
    return bool(keys & _GENERATION_KEYS) and ADD_SPECIAL_TOKENS not in keys and None not in keys


def _iterates_items_of(comprehension: ast.DictComp, name: str) -> bool:
    """`{k: v for k, v in kw.items() if ...}`: the same dict, filtered."""
    iterable = comprehension.generators[0].iter if len(comprehension.generators) == 1 else None
    return (
        isinstance(iterable, ast.Call)
        and isinstance(iterable.func, ast.Attribute)
        and iterable.func.attr == "items"
        and dotted_name(iterable.func.value) == name
    )


def _read_for_generation(spread: ast.expr, function: FunctionInfo) -> bool:
    """Is `spread` the function's own `**kwargs`, whose keys the function reads are generation settings
    (`kwargs.pop("max_new_tokens", ...)`, `kwargs.get("temperature")`, `kwargs["do_sample"]`) and not the flag?"""
    if not (isinstance(spread, ast.Name) and spread.id == function.star_kwargs):
        return False
    keys = set()
    for node in ast.walk(function.node):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _KEY_READS:
            owner, key = node.func.value, first_argument(node)
        elif isinstance(node, ast.Subscript):
            owner, key = node.value, node.slice
        else:
            continue
        if isinstance(owner, ast.Name) and owner.id == spread.id and (name := string_value(key)) is not None:
            keys.add(name)
    return bool(keys & _GENERATION_KEYS) and ADD_SPECIAL_TOKENS not in keys


_KEY_READS = frozenset({"get", "pop", "setdefault"})
# keywords of `generate` (and of a pipeline's call for it) a caller's settings are known by
_GENERATION_KEYS = frozenset(
    {"max_new_tokens", "max_length", "temperature", "top_p", "top_k", "do_sample", "num_beams", "repetition_penalty"}
    | {"return_full_text", "num_return_sequences", "streamer", "eos_token_id", "pad_token_id", "stop_strings"}
)


def _spread_name(value: ast.expr) -> str:
    """The name a spread mapping goes by: `gen_kwargs`, `self.generation_kwargs`, or the function that builds it
    (`self._generate_kwargs()`)."""
    if isinstance(value, ast.Call) and not value.args and not value.keywords:
        value = value.func
    return (dotted_name(value) or "").rsplit(".", 1)[-1]


_GENERATION_SETTINGS = re.compile(
    r"(?i)^_?(?:gen|generat\w*|sampling|decod\w*)_?(?:kwargs|kw|params|config|args|opts)$"
)


def only_own_kwargs(call: ast.Call, wrapper: FunctionInfo, key: str | None = None) -> bool:
    """The only opaque part of `call` (the tokenizer call inside `wrapper`) is the wrapper's own `**kwargs`, and the
    wrapper does not set `key` on them itself (`kwargs["add_special_tokens"] = not text.startswith(bos)`: its own
    choice, not its caller's)."""
    if wrapper.star_kwargs is None or passes_star_args(call):
        return False
    if key is not None and key in wrapper.key_assignments.get(wrapper.star_kwargs, {}):
        return False
    spreads = [item.value for item in call.keywords if item.arg is None]
    return bool(spreads) and all(isinstance(value, ast.Name) and value.id == wrapper.star_kwargs for value in spreads)


def imported_helper_call(call: ast.Call, function: FunctionInfo, links: Links) -> TokenizerCall | None:
    """A call of a function of another module that tokenizes one of its parameters as it is (not a column of rows),
    as a tokenizer call; None for another call."""
    imported = links.tokenizer(call.func)
    if imported is None or imported[0].column or imported[0].dataset:
        return None
    return _through_imported(call, function, *imported)


def _through_imported(
    call: ast.Call, function: FunctionInfo, helper: TokenizerSummary, summary: ModuleSummary
) -> TokenizerCall | None:
    """The call of a function of another module that tokenizes its parameter, as a tokenizer call: the text the
    call passes for that parameter, and the flag it passes for the helper's flag parameter, else the helper's."""
    forwarded = helper.flag
    given = bound_argument(call, list(helper.params), forwarded.parameter) if forwarded.parameter else None
    place = summary.place(helper.line)
    if forwarded.from_kwargs:
        # the helper hands the tokenizer its `**kwargs`: what this call passes by keyword (none: the default, on)
        if _spreads(call):
            return None
        flag = call_flag(ADD_SPECIAL_TOKENS, call, function)
    elif given is not None:
        flag = flag_from_expression(ADD_SPECIAL_TOKENS, given, function, FlagSource.CALL)
    elif forwarded.present:
        # the helper and its place are named by the route ("through the helper `encode` (path:line)")
        flag = Flag(ADD_SPECIAL_TOKENS, forwarded.value, True, None, FlagSource.WRAPPER, forwarded.where)
    else:
        flag = absent(ADD_SPECIAL_TOKENS)
    return TokenizerCall(
        call=call,
        function=function,
        text=bound_argument(call, list(helper.params), helper.text),
        add_special_tokens=flag,
        special_tokens_known=flag.value is not None or not flag.present,
        via=f"the helper `{helper.name}` ({place})",
        related=(
            Related(summary.path, helper.line, f"`{helper.name}` tokenizes its parameter `{helper.text}`"),
            *helper.further,
        ),
        # the call site can turn special tokens off only through a parameter of the helper named for the flag, or
        # through the `**kwargs` it forwards
        off_keyword=ADD_SPECIAL_TOKENS if forwarded.parameter == ADD_SPECIAL_TOKENS or forwarded.from_kwargs else None,
        items=helper.items,
        element=helper.element,
    )


def _collated(
    call: ast.Call,
    function: FunctionInfo,
    helpers: dict[str, Helper],
    links: Links | None,
    flows: dict[int, FunctionFlow],
) -> TokenizerCall | None:
    """`Trainer(train_dataset=ds, data_collator=collator)` or `DataLoader(ds, collate_fn=collator)`, where the
    collator's class (of the module or imported) tokenizes in `__call__` the items it is given: a tokenizer call of
    the dataset's items (`ds`, whose `__getitem__` may return a render), made by the collator."""
    name = dotted_name(call.func) or ""
    last = name.rsplit(".", 1)[-1]
    if not (last.endswith("Trainer") or last == "DataLoader"):
        return None
    collator = passed_value(call, "data_collator", function) or keyword_value(call, "collate_fn")
    dataset = passed_value(call, "train_dataset", function) or keyword_value(call, "dataset")
    if dataset is None and last == "DataLoader":
        dataset = positional(call, 0)
    if collator is None or dataset is None:
        return None
    cls = instance_class(collator, function, flows)
    if cls is None:
        return None
    collate = ast.Call(func=ast.Attribute(value=collator, attr="__call__"), args=[dataset], keywords=[])
    local = helpers.get(f"{dotted_name(cls)}.__call__")
    if local is not None:
        through: TokenizerCall | None = _through_helper(collate, function, local)
    else:
        imported = links.method_tokenizer(cls, "__call__") if links else None
        through = _through_imported(collate, function, *imported) if imported is not None else None
    if through is None:
        return None
    return replace(through, call=call, text=dataset, via=f"{through.via}, the collator")


def _mapped_row_tokenizer(call: ast.Call, function: FunctionInfo, links: Links) -> TokenizerCall | None:
    """`ds.map(encode)`, `ds.map(partial(encode, tokenizer=tok))` or `ds.map(lambda row: encode(row, tok))`, where
    `encode` is a function of another module that tokenizes one column of the row it is given: the `.map()` call as
    a tokenizer call of that column of the dataset's rows, with the flag the call binds for the helper."""
    mapped = mapped_function(call)
    site = call  # the call that may take the helper's flag: the partial, the lambda's call, or none (the `.map()`)
    if isinstance(mapped, ast.Call) and is_partial(mapped) and len(mapped.args) == 1:
        # the keywords the partial binds, as a call of the helper (the row comes first, from `.map()`)
        helper_call = ast.Call(func=mapped.args[0], args=[ast.Name("_")], keywords=mapped.keywords)
        site = mapped
    elif isinstance(mapped, ast.Lambda) and isinstance(mapped.body, ast.Call) and mapped.args.args:
        helper_call = site = mapped.body
    elif isinstance(mapped, (ast.Name, ast.Attribute)):
        helper_call = ast.Call(func=mapped, args=[ast.Name("_")], keywords=[])
    else:
        return None
    imported = links.tokenizer(helper_call.func)
    if imported is None or not imported[0].column:
        return None
    helper, summary = imported
    row = bound_argument(helper_call, list(helper.params), helper.text)
    if isinstance(mapped, ast.Lambda) and not (isinstance(row, ast.Name) and row.id == mapped.args.args[0].arg):
        return None  # the lambda hands the helper something else than its row
    through = _through_imported(helper_call, function, helper, summary)
    if through is None:
        return None
    column = helper.column
    related = (Related(summary.path, helper.line, f"`{helper.name}` tokenizes column `{column}` of its row"),)
    off = through.off_keyword if site is not call else None
    dataset = call.func.value  # type: ignore[attr-defined]  # (a `.map()` call)
    return replace(through, call=site, text=None, column=column, dataset=dataset, related=related, off_keyword=off)


def _dataset_tokenizer(
    call: ast.Call,
    function: FunctionInfo,
    helper: TokenizerSummary,
    summary: ModuleSummary,
    column_of: Callable[[ast.expr, FunctionInfo], ColumnName | None],
) -> TokenizerCall | None:
    """`tokenize_dataset(ds, tok)`, where `tokenize_dataset` (of another module) maps a function that tokenizes one
    column of its rows over the dataset it is given (the column its own, or the one the call names for its
    parameter: `tokenize_dataset(ds, tok, cfg.text_column)`): a tokenizer call of that column of `ds`'s rows."""
    dataset = bound_argument(call, list(helper.params), helper.text)
    if dataset is None or _spreads(call):
        return None
    column = helper.column
    if helper.column_param:
        named = bound_argument(call, list(helper.params), helper.column_param)
        found = column_of(named, function) if named is not None else None
        if found is None:
            return None
        column = found.name
    words = f"`{helper.name}` tokenizes a column of the dataset it is given"
    return TokenizerCall(
        call=call,
        function=function,
        text=None,
        add_special_tokens=Flag(ADD_SPECIAL_TOKENS, helper.flag.value, helper.flag.present, None, FlagSource.WRAPPER),
        special_tokens_known=True,
        via=f"the helper `{helper.name}` ({summary.place(helper.line)})",
        related=(Related(summary.path, helper.line, words),),
        off_keyword=None,
        column=column,
        dataset=dataset,
    )


# -- the split pattern: two tokenized texts concatenated ----------------------------------------------------------
class _SplitFinder:
    """`ids(prompt) + ids(completion)`: finds the ids of which tokenizer call each side of a `+` is."""

    def __init__(self, by_call: dict[int, TokenizerCall], flows: dict[int, FunctionFlow]) -> None:
        self.by_call = by_call
        self.flows = flows

    def find(self, functions: list[FunctionInfo]) -> list[SplitTokenization]:
        found: list[SplitTokenization] = []
        seen: set[int] = set()
        counts: dict[int, int] = {}
        for tokenizer_call in self.by_call.values():
            counts[id(tokenizer_call.function)] = counts.get(id(tokenizer_call.function), 0) + 1
        for function in functions:
            if counts.get(id(function), 0) < 2:
                continue  # the pattern needs two tokenizer calls in one function
            for node, left, right in _additions(function):
                first = self.ids_of(left, function, 0)
                second = self.ids_of(right, function, 0)
                if first is None or second is None or first is second or id(second.call) in seen:
                    continue
                seen.add(id(second.call))
                found.append(SplitTokenization(node, first, second, function))
        return found

    def ids_of(self, expr: ast.expr, function: FunctionInfo, depth: int) -> TokenizerCall | None:
        """The tokenizer call whose ids `expr` is: `tok(x)["input_ids"]`, `tok.encode(x)`, or a name for one."""
        if depth > MAX_RESOLUTION_DEPTH:
            return None
        if isinstance(expr, ast.Call):
            if _is_concatenation(expr):
                # `torch.cat((ids, eos))`: the ids still start with those of the first sequence
                first = expr.args[0]
                assert isinstance(first, (ast.Tuple, ast.List))
                return self.ids_of(first.elts[0], function, depth + 1)
            found = self.by_call.get(id(expr))
            if found is not None and isinstance(expr.func, ast.Attribute) and expr.func.attr == "encode":
                return found
            return None
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            return self.ids_of(expr.left, function, depth + 1) or self.ids_of(expr.right, function, depth + 1)
        if isinstance(expr, ast.Subscript):
            if string_value(expr.slice) == "input_ids":
                return self._encoding_of(expr.value, function)
            if isinstance(expr.slice, ast.Constant) and expr.slice.value == 0 and isinstance(expr.value, ast.Subscript):
                # `tok(x, return_tensors="pt")["input_ids"][0]`: the one row of a batch of one
                return self.ids_of(expr.value, function, depth + 1)
            return None
        if isinstance(expr, ast.Attribute) and expr.attr == "input_ids":
            return self._encoding_of(expr.value, function)
        if isinstance(expr, ast.Name):
            bindings = function_flow(function, self.flows).reaching(expr.id, expr)
            if not bindings or any(binding.kind != "assign" or binding.value is None for binding in bindings):
                return None
            resolved = [self.ids_of(binding.value, function, depth + 1) for binding in bindings if binding.value]
            # every value that may reach here is those ids (`x = torch.cat((x, eos))` under an `if` keeps them)
            one = resolved[0] if resolved else None
            return one if one is not None and all(item is one for item in resolved) else None
        return None

    def _encoding_of(self, expr: ast.expr, function: FunctionInfo) -> TokenizerCall | None:
        if isinstance(expr, ast.Call):
            return self.by_call.get(id(expr))
        if isinstance(expr, ast.Name):
            value = function_flow(function, self.flows).assigned(expr)
            if isinstance(value, ast.Call):
                return self.by_call.get(id(value))
        return None


def _additions(function: FunctionInfo) -> Iterator[tuple[ast.BinOp | ast.AugAssign | ast.Call, ast.expr, ast.expr]]:
    """Every `a + b`, `a += b` and `torch.cat((a, b))` (also `np.concatenate`, `hstack`) in the function body (not
    in nested functions), as (node, left, right)."""
    stack: list[ast.AST] = [function.node]
    while stack:
        node = stack.pop()
        if node is not function.node and isinstance(node, _SCOPES):
            continue
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            yield node, node.left, node.right
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add):
            yield node, node.target, node.value
        elif isinstance(node, ast.Call) and _is_concatenation(node):
            sequence = node.args[0]
            assert isinstance(sequence, (ast.Tuple, ast.List))
            yield node, sequence.elts[0], sequence.elts[1]
        stack.extend(reversed(children(node)))


_CONCATENATIONS = frozenset({"cat", "concat", "concatenate", "hstack"})


def _is_concatenation(call: ast.Call) -> bool:
    """`torch.cat((a, b), dim=-1)`, `np.concatenate([a, b])`: two sequences joined, in order."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr in _CONCATENATIONS and call.args):
        return False
    sequence = call.args[0]
    return isinstance(sequence, (ast.Tuple, ast.List)) and len(sequence.elts) >= 2
