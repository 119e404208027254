"""Building a module's summary (`facts.summary`) from its facts."""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from chatlint.facts.built_classes import (
    decorated_registry_factories,
    module_factories,
    module_registries,
    name_dicts,
    registry_factories,
    registry_functions,
    registry_members,
    registry_names,
    subclasses_in_text,
)
from chatlint.facts.calls import conversation_parameter, renderer_factories, spread_parameter
from chatlint.facts.column_names import exported_defaults, module_constants
from chatlint.facts.config_switches import may_declare_switches, switch_defaults, with_nested_defaults
from chatlint.facts.datasets import dataset_parameter, mapped_function, partial_target
from chatlint.facts.flags import FLAG_NAMES, TOKENIZER_KEYWORDS, merges_caller_kwargs, module_flag_dicts
from chatlint.facts.flow import MAX_RESOLUTION_DEPTH, function_flow, instance_class
from chatlint.facts.id_uses import declares_ids
from chatlint.facts.masking import (
    carried_render,
    column_masks,
    hook_masks,
    measured_renders,
    measuring_wrappers,
    origin_prompt_words,
    prefix_maskers,
)
from chatlint.facts.model import (
    UNKNOWN_SHAPE,
    FlagSource,
    FunctionInfo,
    Route,
    ShapeKind,
    SpreadSource,
    TemplateCall,
    TextOrigin,
)
from chatlint.facts.module import ModuleFacts
from chatlint.facts.own_templates import template_installers, template_sources
from chatlint.facts.padding import (
    PadAssignment,
    hands_a_tokenizer,
    pad_eos_assignments,
    pad_id_argument,
    pad_id_calls,
    parameter_masks,
    value_masks,
)
from chatlint.facts.rendered_text import RenderedTexts, returns_without_bos, strips_bos
from chatlint.facts.shapes import predicate_role
from chatlint.facts.summary import (
    CheckpointLoader,
    ConversationSummary,
    ForwardedFlag,
    ImportRef,
    MaskSummary,
    MeasuredHook,
    MeasureSummary,
    ModuleSummary,
    PadLoader,
    RenderHook,
    RoleGuard,
    TextSummary,
    TokenizerSummary,
    WrapperSummary,
    may_build_collators,
    may_build_conversations,
    may_define_templates,
    may_load_checkpoints,
    may_mask,
    may_mask_by_parameter,
    may_mask_prompts,
    may_measure_columns,
    may_measure_hooks,
    may_pass_pad_id,
    may_pass_to_subclasses,
    may_render,
    may_set_pad_eos,
    may_tokenize,
    may_use_id_parameters,
    may_write_prompts,
)
from chatlint.facts.syntax import (
    bool_literal,
    called_name,
    code,
    dotted_name,
    first_argument,
    is_partial,
    is_property,
    is_self_attribute,
    keyword,
    keyword_value,
    passes_star_args,
    shortened,
    star_kwargs,
)
from chatlint.facts.tokenizer_calls import ENCODE_METHODS, leaving_base, only_own_kwargs
from chatlint.facts.tokenizer_summaries import tokenizing_helpers
from chatlint.knowledge.model_families import family_of

# a summary of something a function or method of the module does, named by its qualified name
_Named = TypeVar("_Named", WrapperSummary, TextSummary, TokenizerSummary)


def summarize(facts: ModuleFacts) -> ModuleSummary:
    """The summary of one module (call inside `syntax.reading(facts.source)`: words quote its code)."""
    wrappers = tuple(
        _wrapper(template_call, facts) for template_call in facts.template_calls if _is_wrapper_call(template_call)
    )
    texts: list[TextSummary] = []
    imports = facts.imports
    handed: tuple[str, ...] = ()
    data = facts.source.text.encode("utf-8", "surrogatepass")
    # (also a module that learned which rows another module's stage gives it: what it yields of them)
    if facts.template_calls or may_write_prompts(data) or facts.links.row_columns:
        rendered = facts.rendered_texts
        wrapped = {wrapper.name for wrapper in wrappers}
        renders = {id(template_call.call): template_call for template_call in facts.template_calls}
        for function in facts.functions:
            if not _is_top_level(function):
                continue
            if function.qualname in wrapped:
                # (a wrapper that returns the ids of its renders in tuples, or the texts: its callers unpack them)
                text = _returned_tuple_ids(facts, function) or _returned_tuple_text(rendered, function, renders)
            else:
                text = (
                    _returned_text(rendered, function, renders)
                    or _returned_ids(facts, function)
                    or _returned_tuple_ids(facts, function)
                    or _returned_length(facts, function)
                    or _returned_retokenized(facts, function)
                )
            if text is not None:
                texts.append(text)
        texts.extend(_stored_texts(facts, rendered))
        texts.extend(_row_function_factories(facts, rendered, renders))
        handed = _handed_text(facts, rendered, imports)
    if wrappers or texts:
        wrappers += _under_bases(wrappers, facts) + _as_instances(wrappers, facts)
        texts += _under_bases(texts, facts) + _as_instances(texts, facts)
    masks: tuple[MaskSummary, ...] = ()
    if may_mask(data):
        masks = tuple(
            MaskSummary(mask.function.qualname.split(".")[0], mask.node.lineno, mask.text)
            for mask in value_masks(facts)
            if not mask.function.is_module
        )
    if may_mask_by_parameter(data):
        masks += tuple(
            MaskSummary(mask.function.name, mask.node.lineno, mask.text, by_param=(name, f"#{params.index(name)}"))
            for mask, name in parameter_masks(facts)
            if name in (params := mask.function.call_params)
        )
    if may_pass_pad_id(data):
        masks += _delegated_masks(facts, masks)
    if may_build_collators(data):
        masks += _imported_collators(facts)
    if masks:
        masks += _factory_masks(facts, masks)
    pad_assignments = pad_eos_assignments(facts) if may_set_pad_eos(data) else []
    sets_pad_eos = bool(pad_assignments)
    # the column names its renders are stored under, and the checkpoints of known families it names (read by a
    # module that imports `MODEL_ID`, whatever this module renders)
    constants = tuple(
        (name, value)
        for name, value in module_constants(facts.module, facts.source.text).items()
        if texts or family_of(value) is not None
    )
    defaults = with_nested_defaults(facts.module, exported_defaults(facts.module, facts.source.text))
    # (also a module that hands a parameter to an imported function that tokenizes it: what its links tell)
    links = facts.links
    imported = any(found.summary.tokenizers for found in links.names.values())
    tokenizers = (
        tuple(
            tokenizing_helpers(
                facts.functions,
                facts.calls,
                facts.flows,
                facts.engines,
                facts.rendered_texts.column_of,
                links if imported else None,
                facts.classes,
                links,
            )
        )
        if may_tokenize(data) or imported
        else ()
    )
    tokenizers += _as_instances(tokenizers, facts)
    tokenizers += _in_registries(tokenizers, facts)
    return ModuleSummary(
        facts.path,
        imports,
        wrappers,
        tuple(texts),
        masks,
        sets_pad_eos,
        constants,
        defaults,
        tokenizers=tokenizers,
        hands_text=handed,
        pad_loaders=_pad_loaders(facts, pad_assignments),
        conversations=_conversations(facts) if may_build_conversations(data) else (),
        role_guards=_role_guards(facts, data) if may_build_conversations(data) else (),
        renderer_factories=tuple(renderer_factories(facts.functions, facts.flows).values()) if may_render(data) else (),
        checkpoint_loaders=_checkpoint_loaders(facts) if may_load_checkpoints(data) else (),
        hooks=_render_hooks(facts) if facts.template_calls else (),
        loads_checkpoints=may_load_checkpoints(data) and bool(facts.checkpoint_arguments),
        own_templates=template_sources(facts.functions) if may_define_templates(data) else (),
        template_installers=template_installers(facts.functions) if may_define_templates(data) else (),
        encoders=tuple(
            f"{cls.name}.{method}"
            for cls in facts.classes.values()
            for method in cls.methods
            if method in ENCODE_METHODS
        ),
        registries=_registries(facts, wrappers, texts) if facts.template_calls else (),
        wrapper_registries=_wrapper_registries(facts, wrappers) if wrappers and b"partial" in data else (),
        row_registries=_row_registries(facts, texts) if texts else (),
        factories=tuple(sorted({**registry_factories(facts.module), **module_factories(facts.module)}.items())),
        row_class_builders=_row_class_builders(facts, texts) if texts else (),
        measures=_measures(facts) if may_measure_columns(data) else (),
        handoffs=tuple(facts.shapes.handoffs()) if b"self." in data and may_build_conversations(data) else (),
        passes=tuple(facts.shapes.passes()) if may_pass_to_subclasses(data) else (),
        switches=switch_defaults(facts.module) if may_declare_switches(data) else (),
        measured_hooks=_measured_hooks(facts) if may_measure_hooks(data) else (),
        engines=_engine_factories(facts),
        constructor_switches=_constructor_switches(facts) if facts.template_calls else (),
        prefix_masks=tuple(
            (name, position, param, line)
            for name, (position, param, line) in prefix_maskers(facts.functions).items()
            if not name.startswith("self.")  # (a method: called on its own instances only)
        )
        if may_mask_prompts(data)
        else (),
        id_params=_id_params(facts) if may_use_id_parameters(data) else (),
        id_batch_params=_id_params(facts, batch=True) if may_use_id_parameters(data) else (),
        flag_dicts=_flag_dicts(facts, data),
        subclasses=subclasses_in_text(facts.source.text) if b"class " in data else (),
        checkpoint_defaults=facts.checkpoint_defaults if may_load_checkpoints(data) else (),
    )


def _module_scope(facts: ModuleFacts) -> FunctionInfo | None:
    """The module's own scope: its top-level names and what they are assigned."""
    return next((function for function in facts.functions if function.is_module), None)


def _flag_dicts(facts: ModuleFacts, data: bytes) -> tuple[tuple[str, int, tuple[tuple[str, bool | None], ...]], ...]:
    """The module-level dicts of template keywords an importer may spread (see `flags.module_flag_dicts`)."""
    module = _module_scope(facts)
    if module is None or not any(name.encode() in data for name in FLAG_NAMES + TOKENIZER_KEYWORDS):
        return ()
    return module_flag_dicts(module)


def _row_class_builders(facts: ModuleFacts, texts: Sequence[TextSummary]) -> tuple[tuple[str, str], ...]:
    """`(function, class)`: the module-level functions that build a class of the module with a method that returns
    rows with a render in a column (`PromptDataset.process`; see `ModuleSummary.row_class_builders`), themselves or
    through another such function they call (`load_dataset` calling `create_dataset`)."""
    rows = {
        text.name.split(".", 1)[0]
        for text in texts
        if text.columns and not text.dataset and not text.stored and "." in text.name
    }
    if not rows:
        return ()
    # the names each module-level function calls
    called: dict[str, set[str]] = {}
    for call, function, _ in facts.calls:
        top_level = function.cls is None and function.outer is not None and function.outer.is_module
        if top_level and isinstance(call.func, ast.Name):
            called.setdefault(function.name, set()).add(call.func.id)
    built = {name: callees & rows for name, callees in called.items()}
    changed = True
    while changed:  # (through the functions they call, to a fixed point)
        changed = False
        for name, callees in called.items():
            more = set().union(*(built.get(callee, set()) for callee in callees)) - built[name]
            if more:
                built[name] |= more
                changed = True
    return tuple(sorted((name, cls) for name, classes in built.items() for cls in classes))


def _row_registries(facts: ModuleFacts, texts: Sequence[TextSummary]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The registries of the module's functions (a dict of them, or one a decorator fills) of which some write a
    render into the columns of their rows or make a function that does: `(registry, all its members)`."""
    module = _module_scope(facts)
    rows = {text.name for text in texts if text.columns and not text.dataset}
    if module is None or not rows:
        return ()
    found = []
    for name in registry_names(facts.module):
        members = registry_functions(name, module)
        if rows.intersection(members):
            found.append((name, members))
    return tuple(found)


def _wrapper_registries(
    facts: ModuleFacts, wrappers: tuple[WrapperSummary, ...]
) -> tuple[tuple[str, str, tuple[tuple[str, bool | None], ...]], ...]:
    """The dicts the module assigns at its top level whose values are all partials of one of its wrappers
    (`{"chat": partial(_encode_chat, add_generation_prompt=True), ...}`): `(registry, wrapper, the flags the values
    bind)`, each with the literal every value binds it to, or None (they differ, or one binds it otherwise)."""
    names = {wrapper.name for wrapper in wrappers}
    module = _module_scope(facts)
    found = []
    for name, values in module.assignments.items() if module is not None else ():
        value = values[0] if len(values) == 1 else None
        if not isinstance(value, ast.Dict) or not value.values or None in value.keys:
            continue
        partials = [item for item in value.values if isinstance(item, ast.Call) and is_partial(item) and item.args]
        targets = {dotted_name(item.args[0]) for item in partials}
        if len(partials) != len(value.values) or len(targets) != 1 or not targets <= names:
            continue
        bound = [
            {item.arg: bool_literal(item.value) for item in partial.keywords if item.arg in FLAG_NAMES}
            for partial in partials
        ]
        flags = {flag for values in bound for flag in values}
        # (a flag bound with one literal by every value; None: bound otherwise by some, or not by all)
        agreed = {
            flag: bound[0].get(flag) if all(values.get(flag) == bound[0].get(flag) for values in bound) else None
            for flag in flags
        }
        found.append((name, targets.pop() or "", tuple(sorted(agreed.items()))))
    return tuple(found)


def _as_instances(items: Sequence[_Named], facts: ModuleFacts) -> tuple[_Named, ...]:
    """The `__call__` methods among `items` again under the module-level names bound to an instance of their class
    (`safe_apply_chat_template = SafeApplyChatTemplate()`): an importer calls the instance like a function."""
    calls = {item.name.removesuffix(".__call__"): item for item in items if item.name.endswith(".__call__")}
    if not calls:
        return ()
    module = _module_scope(facts)
    found = []
    for name, values in module.assignments.items() if module is not None else ():
        value = values[0] if len(values) == 1 else None
        if isinstance(value, ast.Call) and not value.args and not value.keywords:
            item = calls.get(dotted_name(value.func) or "")
            if item is not None:
                found.append(replace(item, name=name))
    return tuple(found)


def _in_registries(items: Sequence[TokenizerSummary], facts: ModuleFacts) -> tuple[TokenizerSummary, ...]:
    """The methods among `items` of a class of a registry again under the registry's name (`BACKENDS.generate` for
    `HFBackend.generate`, with `BACKENDS = {"hf": HFBackend, "echo": EchoBackend}`): an importer builds its instance
    through the registry (`BACKENDS[kind](name)`) or through a function of the module that does (`get_backend(kind,
    name)`), and the keys that pick the class tokenize what the method is given."""
    registries = registry_members(facts.module) if items else {}
    names = {item.name for item in items}
    found: list[TokenizerSummary] = []
    for registry, classes in registries.items():
        for item in items:
            owner, _, method = item.name.rpartition(".")
            if owner in classes and f"{registry}.{method}" not in names:
                names.add(f"{registry}.{method}")
                found.append(replace(item, name=f"{registry}.{method}"))
    return tuple(found)


def _under_bases(items: Sequence[_Named], facts: ModuleFacts) -> tuple[_Named, ...]:
    """The renders of methods (`ChatRenderer.render`) again under the name of a base class of the module that leaves
    the method to its subclasses (`PromptRenderer.render`, abstract): an importer that knows an instance only as the
    base (`renderer: PromptRenderer = build_renderer(cfg)`) runs a subclass's render (the first one)."""
    names = {item.name for item in items}
    found: list[_Named] = []
    for item in items:
        owner, _, method = item.name.rpartition(".")
        cls = facts.classes.get(owner) if owner and "." not in owner else None
        base = leaving_base(cls, method) if cls is not None else None
        if base is not None and f"{base.name}.{method}" not in names:
            names.add(f"{base.name}.{method}")
            found.append(replace(item, name=f"{base.name}.{method}"))
    return tuple(found)


def _constructor_switches(facts: ModuleFacts) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The classes of the module whose renders take a flag from a parameter of their constructor, with the
    parameter and the constructor's parameters in order (a dataclass's fields)."""
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for template_call in facts.template_calls:
        for flag in template_call.flags.values():
            cls = facts.classes.get(flag.constructed[0]) if flag.constructed is not None else None
            if cls is not None and flag.constructed is not None and flag.value is not None:
                found[flag.constructed] = tuple(cls.constructor_params)
    return tuple((cls, parameter, params) for (cls, parameter), params in sorted(found.items()))


def _engine_factories(facts: ModuleFacts) -> tuple[tuple[str, str, int], ...]:
    """The module-level functions that build and return a serving engine, with the words for its `generate`."""
    engines = facts.engines
    if engines is None or not engines.classes:
        return ()
    return tuple(
        (name, words, getattr(function.node, "lineno", 1))
        for name, function, words in engines.factory_functions(facts.functions, facts.flows)
    )


def _measured_hooks(facts: ModuleFacts) -> tuple[MeasuredHook, ...]:
    """The methods that mask labels by the token length of what a method left to subclasses gives."""
    found: dict[tuple[str, str, str], MeasuredHook] = {}
    for hook, function, node, how in hook_masks(facts):
        cls = function.cls
        if cls is not None:
            line = getattr(node, "lineno", hook.node.lineno)
            found.setdefault(
                (cls.name, function.name, hook.method), MeasuredHook(cls.name, function.name, hook.method, line, how)
            )
    return tuple(found.values())


def _measures(facts: ModuleFacts) -> tuple[MeasureSummary, ...]:
    """The module-level functions that mask labels by the token length of a column of their rows, and those that
    `.map()` one over the dataset they are given (`def add_token_columns(ds, tok): return ds.map(tokenize_pair,
    ...)`)."""
    found: dict[str, MeasureSummary] = {}
    for mask in column_masks(facts):
        function = mask.function
        if _is_top_level(function) and function.qualname not in found:
            found[function.qualname] = MeasureSummary(
                function.qualname,
                mask.column.column,
                getattr(mask.node, "lineno", mask.column.node.lineno),
                mask.how,
                params=tuple(function.call_params),
            )
    for call, function, _ in facts.calls:
        mapped = mapped_function(call)
        mapped = partial_target(mapped) if mapped is not None else None
        measure = found.get(mapped.id) if isinstance(mapped, ast.Name) else None
        dataset = dataset_parameter(call.func.value, function, facts.flows) if measure is not None else None  # type: ignore[attr-defined]
        if measure is not None and dataset is not None and _is_top_level(function) and function.qualname not in found:
            found[function.qualname] = replace(
                measure, name=function.qualname, dataset=dataset, params=tuple(function.call_params)
            )
    return tuple(found.values())


def _registries(
    facts: ModuleFacts, wrappers: tuple[WrapperSummary, ...], texts: list[TextSummary]
) -> tuple[tuple[str, str], ...]:
    """The module's registries of classes (`facts.built_classes`) whose common class has a method that renders, and
    those a decorator of the module fills with classes of the module one of which renders (`@register("chat")` on
    `ChatFormatter`, stored in `FORMATTERS`): that class."""
    rendering = {name.split(".")[0] for name in (*(item.name for item in wrappers), *(item.name for item in texts))}
    found = {name: cls for name, cls in module_registries(facts.module).items() if cls in rendering}
    functions = {function.name for function in facts.functions}
    for registry, decorator in decorated_registry_factories(facts.module).items():
        decorated = [
            statement.name
            for statement in facts.module.body
            if isinstance(statement, ast.ClassDef)
            and any(called_name(item) == decorator for item in statement.decorator_list if isinstance(item, ast.Call))
        ]
        # (the class itself, or the base class of the module it takes its rendering method from: `class
        # QuestionStyle(PromptStyle)` with `PromptStyle.__call__` rendering)
        lineages = [[owner.name for owner in facts.classes[cls].lineage()] for cls in decorated if cls in facts.classes]
        chosen = next((owner for lineage in lineages for owner in lineage if owner in rendering), None)
        if registry not in functions and chosen is not None:
            found.setdefault(registry, chosen)
    return tuple(sorted(found.items()))


def _render_hooks(facts: ModuleFacts) -> tuple[RenderHook, ...]:
    """The methods of the module's classes that build labels from a render of one method of the class applied to
    what another gives: `self.render(self.to_messages(sample))`, also through a local name."""
    found: dict[tuple[str, str], RenderHook] = {}
    # the methods that render (`render` calling `self.tokenizer.apply_chat_template(...)`), by class and name
    rendering = {(id(call.function.cls), call.function.name) for call in facts.template_calls if call.function.cls}
    for call, function, _ in facts.calls:
        if function.cls is None or not _is_top_level(function) or not function.labels_evidence:
            continue
        renderer = is_self_attribute(call.func)
        argument = first_argument(call)
        if renderer is None or (id(function.cls), renderer) not in rendering or argument is None:
            continue
        if isinstance(argument, ast.Name) and len(function.assignments.get(argument.id, ())) == 1:
            argument = function.assignments[argument.id][0]
        source = is_self_attribute(argument.func) if isinstance(argument, ast.Call) else None
        if source is not None and source in function.cls.methods:
            hook = RenderHook(function.cls.name, function.name, renderer, source, call.lineno)
            found.setdefault((function.cls.name, renderer), hook)
    return tuple(found.values())


def _delegated_masks(facts: ModuleFacts, masks: tuple[MaskSummary, ...]) -> tuple[MaskSummary, ...]:
    """The owners (module-level functions and classes) that hand a pad id to a function that masks labels by it:
    a function of the module (the owner masks where it does) or an imported one (`via`: the project step asks
    its module)."""
    bound = {ref.local for ref in facts.imports if ref.symbol != "*"}
    found: dict[tuple[str, str], MaskSummary] = {}
    for call, function in pad_id_calls(facts):
        if function.is_module:
            continue
        owner = function.qualname.split(".")[0]
        callee = dotted_name(call.func) or ""
        argument = pad_id_argument(call, function)
        if callee == owner:
            continue
        for mask in masks:
            if mask.owner == callee and not mask.via and (not mask.by_param or argument in mask.by_param):
                found.setdefault((owner, callee), MaskSummary(owner, mask.line, f"{mask.text} (in `{callee}`)"))
        if callee.split(".")[0] in bound:
            text = f"`{shortened(facts.code(call), 80)}`"
            found.setdefault((owner, callee), MaskSummary(owner, call.lineno, text, via=callee, via_arg=argument))
    return tuple(found.values())


def _imported_collators(facts: ModuleFacts) -> tuple[MaskSummary, ...]:
    """The module-level functions that build a collator class of another module and hand it a tokenizer
    (`Trainer(..., data_collator=PadCollator(tokenizer))` in `build_trainer(model, tokenizer, dataset)`): the masks by
    value of that class are theirs (`via`: the project step asks the collator's module)."""
    bound = {ref.local for ref in facts.imports if ref.symbol != "*"}
    found: dict[tuple[str, str], MaskSummary] = {}
    for call, function, _ in facts.calls:
        callee = dotted_name(call.func) or ""
        if not _is_module_level(function) or "Collator" not in callee.rsplit(".", 1)[-1]:
            continue
        if callee.split(".")[0] not in bound or not hands_a_tokenizer(call):
            continue
        text = f"`{shortened(facts.code(call), 80)}`"
        found.setdefault((function.name, callee), MaskSummary(function.name, call.lineno, text, via=callee))
    return tuple(found.values())


def _factory_masks(facts: ModuleFacts, masks: tuple[MaskSummary, ...]) -> tuple[MaskSummary, ...]:
    """The module-level functions that return an instance of a class of the module that masks labels by value
    (`def build_collator(tokenizer): return PaddedCollator(tokenizer=tokenizer)`): they mask where it does."""
    by_owner = {mask.owner: mask for mask in masks if not mask.via and not mask.by_param}
    found = []
    for function in facts.functions:
        if not _is_module_level(function) or function.name in by_owner:
            continue
        for value in function_flow(function, facts.flows).returns:
            built = instance_class(value, function, facts.flows)
            mask = by_owner.get(dotted_name(built) or "") if built is not None else None
            if mask is not None:
                text = f"{mask.text} (in `{mask.owner}`, which `{function.name}` returns)"
                found.append(MaskSummary(function.name, mask.line, text))
                break
    return tuple(found)


def _checkpoint_loaders(facts: ModuleFacts) -> tuple[CheckpointLoader, ...]:
    """The module-level functions, and classes by their `__init__`, that load the checkpoint a parameter of theirs
    names, unchanged."""
    found: dict[str, CheckpointLoader] = {}
    fixed: dict[str, set[str | None]] = {}  # (the checkpoints each function loads when it names them itself)
    for argument, function, _ in facts.checkpoint_arguments:
        if not _is_top_level(function) or (function.cls is not None and function.name != "__init__"):
            continue
        owner = function.cls.name if function.cls is not None else function.name
        if not isinstance(argument, ast.Name) or argument.id not in function.call_params:
            # `from_pretrained(BASE_MODEL)`: a checkpoint the function always loads, when the module names it
            named = facts.checkpoint_of(argument, function) if argument is not None else None
            fixed.setdefault(owner, set()).add(named if named and family_of(named) else None)
            continue
        if not function_flow(function, facts.flows).never_rebound(argument.id):
            continue
        found.setdefault(owner, CheckpointLoader(owner, tuple(function.call_params), argument.id))
    for owner, names in fixed.items():
        if owner not in found and len(names) == 1 and (checkpoint := next(iter(names))):
            found[owner] = CheckpointLoader(owner, (), "", checkpoint)
    return tuple(found.values())


def _conversations(facts: ModuleFacts) -> tuple[ConversationSummary, ...]:
    """The module-level functions (and methods of its classes) that return a conversation whose end the code
    shows."""
    found = []
    for function in facts.functions:
        # a function that builds messages names their roles, one that splits off the reply cuts the last turn off
        # (what is left out costs no flow)
        # (and the methods and properties of its classes: `row.prompt` returning `self.messages[:-1]`,
        # `dialogue.as_messages()`)
        prop = _is_top_level(function) and function.cls is not None and is_property(function)
        text = facts.code(function.node) if _is_top_level(function) else ""
        if "role" not in text and "[:-1]" not in text:
            continue
        line = getattr(function.node, "lineno", 1)
        shape = facts.shapes.returned_shape(function)
        if shape.kind is not ShapeKind.UNKNOWN:
            switched = facts.shapes.switched_end(function)
            switch, off = switched if switched is not None else (None, UNKNOWN_SHAPE)
            found.append(
                ConversationSummary(
                    function.qualname,
                    line,
                    shape.kind.value,
                    shape.evidence,
                    switch=switch,
                    off_kind=off.kind.value,
                    off_evidence=off.evidence,
                )
            )
            continue
        if prop:
            continue
        yielded = facts.shapes.yielded_shape(function)
        if yielded.kind is not ShapeKind.UNKNOWN:
            found.append(ConversationSummary(function.qualname, line, yielded.kind.value, yielded.evidence, items=True))
            continue
        returns = function_flow(function, facts.flows).returns
        widths = {len(value.elts) if isinstance(value, ast.Tuple) else -1 for value in returns}
        for position in range(widths.pop() if len(widths) == 1 else 0):
            # a tuple of a conversation and more (`return messages[:-1], messages[-1]`)
            shape = facts.shapes.returned_shape(function, position=position)
            if shape.kind is not ShapeKind.UNKNOWN:
                found.append(ConversationSummary(function.name, line, shape.kind.value, shape.evidence, position))
    return tuple(found)


def _role_guards(facts: ModuleFacts, data: bytes) -> tuple[RoleGuard, ...]:
    """The module-level functions that check how a conversation parameter of theirs ends, and the functions and
    methods that extend one with the assistant reply (in a module that writes that role)."""
    found = []
    extensions = b"assistant" in data
    for function in facts.functions:
        line = getattr(function.node, "lineno", 1)
        predicate = predicate_role(function) if _is_top_level(function) else None
        if predicate is not None:  # (a method too: `ChatMixin.is_valid`, asked through a subclass)
            found.append(RoleGuard(function.qualname, line, tuple(function.call_params), *predicate, predicate=True))
        if extensions and _is_top_level(function):
            for param in facts.shapes.extended_parameters(function):
                params = tuple(function.call_params)
                found.append(RoleGuard(function.qualname, line, params, param, "user", extends=True))
        if not _is_module_level(function):
            continue
        for param, (role, _) in facts.shapes.checks(function).items():
            if param in function.call_params:
                found.append(RoleGuard(function.name, line, tuple(function.call_params), param, role))
    return tuple(found)


def _pad_loaders(facts: ModuleFacts, assignments: list[PadAssignment]) -> tuple[PadLoader, ...]:
    """The module-level functions that set a tokenizer's pad token to EOS (not a local id, not to generate only)
    and return something: what their callers get is that tokenizer, or what holds it."""
    found: dict[str, PadLoader] = {}
    for assignment in assignments:
        function = assignment.function
        if assignment.local_name is not None or not _is_module_level(function) or function.name in found:
            continue
        if function.calls_generate and not function.labels_evidence:
            continue
        if function_flow(function, facts.flows).returns:
            found[function.name] = PadLoader(function.name, assignment.node.lineno, assignment.text)
    # a class of the module whose constructor pads the tokenizer it keeps (`self.tokenizer.pad_token =
    # self.tokenizer.eos_token` in `ModelBundle.__init__`): what its callers build holds that tokenizer
    for assignment in assignments:
        function = assignment.function
        cls = function.cls
        if cls is None or function.name != "__init__" or function.outer is None or not function.outer.is_module:
            continue
        if assignment.local_name is None and _sets_an_attribute(assignment) and cls.name not in found:
            found[cls.name] = PadLoader(cls.name, assignment.node.lineno, assignment.text)
    # a method of a class of the module that sets the pad token of a tokenizer it is handed
    # (`template.fix_special_tokens(tokenizer)` with `tokenizer.pad_token = tokenizer.eos_token` inside), by
    # "Class.method"; and a module-level function that does (`def _pad_with_eos(tok): tok.pad_token =
    # tok.eos_token`), by its name, also under the name of a dict of the module holding it, whose key a run chooses
    # (`PAD_STRATEGIES[cfg.pad](tok)`)
    methods: dict[str, PadLoader] = {}
    functions: dict[str, PadLoader] = {}
    for assignment in assignments:
        function = assignment.function
        if assignment.local_name is not None or not _sets_a_parameter(assignment):
            continue
        setter = PadLoader(function.name, assignment.node.lineno, assignment.text, handed=True)
        if function.cls is not None:
            methods[f"{function.cls.name}.{function.name}"] = setter
        elif _is_module_level(function):
            functions[function.name] = setter
    for registry, members in name_dicts(facts.module).items() if functions else ():
        held = next((functions[member] for member in members if member in functions), None)
        if held is not None:
            functions.setdefault(registry, held)
    # a function of the module that returns what such a function gave it (`load_tokenizer` calling
    # `ensure_pad_token(tokenizer)`), or that hands its tokenizer to such a method, is one too, a few calls deep
    for _ in range(MAX_RESOLUTION_DEPTH):
        more = {
            function.name: loader
            for call, function, _ in facts.calls
            if (
                loader := found.get(dotted_name(call.func) or "")
                or _function_setter(call, function, functions)
                or _method_setter(call, function, facts, methods)
            )
            and _is_module_level(function)
            and function.name not in found
            and function_flow(function, facts.flows).returns
        }
        if not more:
            break
        found.update(
            (name, PadLoader(name, loader.line, loader.text, loader.handed)) for name, loader in sorted(more.items())
        )
    return tuple(found.values())


def _sets_an_attribute(assignment: PadAssignment) -> bool:
    """Does the assignment set the pad token of a tokenizer the instance keeps (`self.tokenizer.pad_token = ...`)?"""
    node = assignment.node
    targets = node.targets if isinstance(node, ast.Assign) else []
    return any(isinstance(target, ast.Attribute) and is_self_attribute(target.value) for target in targets)


def _sets_a_parameter(assignment: PadAssignment) -> bool:
    """Does the assignment set the pad token of a parameter of its function (`tokenizer.pad_token = ...` with
    `tokenizer` a parameter, not `self.tokenizer`)?"""
    node = assignment.node
    targets = node.targets if isinstance(node, ast.Assign) else []
    return any(
        isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id in assignment.function.params
        and target.value.id != "self"
        for target in targets
    )


def _function_setter(call: ast.Call, function: FunctionInfo, setters: dict[str, PadLoader]) -> PadLoader | None:
    """The pad-setting function of the module that `call` calls, handed an argument: by its name
    (`_pad_with_eos(tok)`), or as a value of a dict of the module that holds it (`PAD_STRATEGIES[name](tok)`, the
    dict's name among `setters`); as `function` sets the pad token of what it is handed, or of a tokenizer of its
    own (it loads and returns it)."""
    func = call.func
    if isinstance(func, ast.Subscript):
        func = func.value
    setter = setters.get(func.id) if isinstance(func, ast.Name) and call.args else None
    if setter is None:
        return None
    handed = isinstance(call.args[0], ast.Name) and call.args[0].id in function.params
    return replace(setter, handed=handed)


def _method_setter(
    call: ast.Call, function: FunctionInfo, facts: ModuleFacts, setters: dict[str, PadLoader]
) -> PadLoader | None:
    """The pad-setting method of a class of the module that `call` calls on an instance of it, handed an argument
    (`template.fix_special_tokens(tokenizer)` with `template = Template(...)`; or, where the code does not show
    the instance built (`template = TEMPLATES[name]`), the one class of the module with a method of that name)."""
    if not isinstance(call.func, ast.Attribute) or not (call.args or call.keywords):
        return None
    if not any(key.endswith(f".{call.func.attr}") for key in setters):
        return None  # (before the instance's class is looked for: most calls name no such method)
    cls = instance_class(call.func.value, function, facts.flows)
    name = dotted_name(cls) if cls is not None else None
    if name is not None:
        return setters.get(f"{name}.{call.func.attr}")
    owners = {other.cls.name for other in facts.functions if other.cls is not None and other.name == call.func.attr}
    return setters.get(f"{owners.pop()}.{call.func.attr}") if len(owners) == 1 else None


# the arguments that may be a rendered text or a list of them (not a literal, a lambda, a comparison)
_MAY_HOLD_TEXT = (ast.Name, ast.Attribute, ast.Subscript, ast.Call, ast.BinOp, ast.IfExp, ast.ListComp, ast.List)


def _handed_text(facts: ModuleFacts, rendered: RenderedTexts, imports: tuple[ImportRef, ...]) -> tuple[str, ...]:
    """The imported callees (`encode`, `T.encode`) the module hands a rendered text to as an argument: the only
    imports worth following for a function that tokenizes its parameter."""
    bound = {ref.local for ref in imports if ref.symbol != "*"}
    defined = {function.name for function in facts.functions if not function.is_module}
    found: dict[str, None] = {}
    for call, function, _ in facts.calls:
        callee = _imported_callee(call.func, function, facts, bound)
        head = callee.split(".")[0] if callee is not None else None
        if callee is None or callee in found or head not in bound or head in defined:
            continue
        arguments = [*call.args, *(item.value for item in call.keywords if item.arg is not None)]
        if any(isinstance(argument, _MAY_HOLD_TEXT) and rendered.origin(argument, function) for argument in arguments):
            found[callee] = None
    return tuple(found)


def _imported_callee(func: ast.expr, function: FunctionInfo, facts: ModuleFacts, bound: set[str]) -> str | None:
    """The callee as an importer names it: `encode`, `T.encode`, or `Encoder.encode` for a method of an instance
    of an imported class (`self.encoder.encode(...)` with `self.encoder = Encoder(tok)`)."""
    callee = dotted_name(func)
    if callee is not None and callee.split(".")[0] in bound:
        return callee
    if isinstance(func, ast.Attribute):
        cls = instance_class(func.value, function, facts.flows)
        name = dotted_name(cls) if cls is not None else None
        if name is not None and name.split(".")[0] in bound:
            return f"{name}.{func.attr}"
        owner = function.cls
        if callee == f"self.{func.attr}" and owner is not None and func.attr not in owner.methods:
            # a method inherited from an imported base class (`class ChatLLM(LocalLLM)`: `self.complete(prompt)`)
            base = next((base for base in owner.bases if base.split(".")[0] in bound), None)
            if base is not None:
                return f"{base}.{func.attr}"
    return callee


def _tuple_items_summary(
    function: FunctionInfo, position: int, found: TextOrigin, many: bool = False, listed: bool = False
) -> TextSummary:
    """A function whose tuples (yielded, or in the list it returns) hold a rendered text at `position` (`many`: a
    list of them)."""
    return TextSummary(
        function.qualname,
        found.line,
        found.render,
        certain=found.certain,
        yields=True,
        listed=listed,
        positions=(position,),
        batch=many,
    )


def _returned_text(
    rendered: RenderedTexts, function: FunctionInfo, renders: dict[int, TemplateCall]
) -> TextSummary | None:
    """What `function` returns, when it is a rendered text or a row with rendered text in named columns."""
    origin = rendered.returned(function)
    if origin is None:
        items = rendered.yielded(function)
        if items is not None and not items.batch:  # a generator of rendered texts
            return TextSummary(function.qualname, items.line, items.render, certain=items.certain, yields=True)
        in_tuples = rendered.yielded_in_tuples(function) if items is None else None
        if in_tuples is not None:
            # a generator of tuples holding a rendered text (`yield record, text`), or a list of them (`batch`:
            # `yield records, texts`)
            return _tuple_items_summary(function, *in_tuples)
        if items is None:
            texts = rendered.returned_texts(function)
            if texts is not None:  # a list of rendered texts (`[render(c) for c in chats]`)
                return TextSummary(function.qualname, texts.line, texts.render, certain=texts.certain, batch=True)
        in_pairs = _returned_tuple_text(rendered, function, renders) if items is None else None
        if in_pairs is not None:
            return in_pairs
        in_lists = rendered.returned_in_tuples(function, many=True) if items is None else []
        if in_lists:  # a list of rendered texts in the tuples it returns (`return images, texts`)
            position, found = in_lists[0]
            return TextSummary(
                function.qualname, found.line, found.render, certain=found.certain, positions=(position,), batch=True
            )
        listed = rendered.returned_tuple_items(function) if items is None else None
        if listed is not None:  # a list of tuples holding a rendered text (`return all_prompts`)
            return _tuple_items_summary(function, *listed, listed=True)
    if origin is not None and not origin.certain and not origin.batch:
        # a render on some paths only (`render(x) if chat else x`): its callers' tokenizers are judged "on at
        # least one path", as a helper of their own module is; never judged as a render's shape
        return TextSummary(function.qualname, origin.line, origin.render, certain=False, written_bos=origin.written_bos)
    if origin is not None and not origin.batch:
        return _render_summary(function, origin, renders)
    columns = rendered.rows.returned_columns(function)
    batch_rows = False
    if not columns:
        columns = rendered.rows.returned_columns(function, batched=True)  # (for `.map(fn, batched=True)`)
        batch_rows = bool(columns)
    dataset = not columns
    positions: tuple[int, ...] = ()
    if dataset and rendered.rows.writes_columns:  # a dataset whose rows hold a render (`return ds.map(to_text)`)
        columns = rendered.rows.returned_dataset_columns(function)
        in_tuple = rendered.rows.returned_tuple_dataset(function) if not columns else None
        if in_tuple is not None:  # (`return train.map(to_text), valid`: one place of a tuple)
            positions, columns = (in_tuple[0],), in_tuple[1]
    if not columns:
        return None
    first = next(iter(columns.values()))
    lines = tuple(origin.line for origin in columns.values())
    prompts = {column: words for column, origin in columns.items() if (words := origin_prompt_words(origin, renders))}
    return TextSummary(
        function.qualname,
        first.line,
        first.render,
        tuple(columns),
        dataset=dataset,
        positions=positions,
        lines=lines,
        prompt_columns=tuple(prompts),
        prompt_evidence=tuple(prompts.values()),
        batch_rows=batch_rows,
    )


def _returned_tuple_text(
    rendered: RenderedTexts, function: FunctionInfo, renders: dict[int, TemplateCall]
) -> TextSummary | None:
    """Tuples holding rendered texts (`return prompt, full`): the prompt's place when one is a prompt rendered
    without the generation prompt (what a caller in another module masks labels by), else the first; with the
    other places that hold a text of the same render (`return prompt + yes, prompt + no`)."""
    in_pairs = rendered.returned_in_tuples(function)
    if not in_pairs:
        return None
    position, found = next(
        ((place, text) for place, text in in_pairs if origin_prompt_words(text, renders)), in_pairs[0]
    )
    same = {place for place, text in in_pairs if text.render_call is found.render_call and text.line == found.line}
    return _render_summary(function, found, renders, tuple(sorted(same | {position})))


def _render_summary(
    function: FunctionInfo, origin: TextOrigin, renders: dict[int, TemplateCall], positions: tuple[int, ...] = ()
) -> TextSummary:
    """A rendered text `function` returns (at `positions` of the tuples it returns, when given), with the shape
    and flags of its render when the render is the function's own."""
    render = renders.get(id(origin.render_call)) if origin.render_call is not None else None
    if render is None or render.function is not function:
        return TextSummary(
            function.qualname,
            origin.line,
            origin.render,
            certain=origin.certain,
            positions=positions,
            written_bos=origin.written_bos,
        )
    shape = render.shape
    evidence = shape.evidence or f"`{render.conversation_text}`"
    taken = (conversation_parameter(render) or "") if _is_wrapper_call(render, methods=True) else ""
    return TextSummary(
        function.qualname,
        origin.line,
        origin.render,
        (),
        tuple(function.call_params),
        shape.kind.value,
        evidence,
        _flags(render),
        taken,
        positions=positions,
    )


def _row_function_factories(
    facts: ModuleFacts, rendered: RenderedTexts, renders: dict[int, TemplateCall]
) -> list[TextSummary]:
    """The module-level functions that return a function of their own whose rows hold a render in named columns
    (`def make_formatter(tok): def to_text(ex): return {"text": render(...)}; return to_text`): what a call of
    one gives is a `.map()` function."""
    nested = {
        (function.outer.qualname, function.name): function
        for function in facts.functions
        if function.outer is not None and not function.outer.is_module and function.cls is None
    }
    outers = {outer for outer, _ in nested}
    found = []
    for function in facts.functions:
        if function.qualname not in outers or not _is_module_level(function):
            continue
        # (its last statement returns the nested function by name: read off the syntax, no flow needed)
        last = function.node.body[-1] if isinstance(function.node, ast.FunctionDef) and function.node.body else None
        if not isinstance(last, ast.Return) or not isinstance(last.value, ast.Name):
            continue
        made = nested.get((function.qualname, last.value.id))
        rows = _returned_text(rendered, made, renders) if made is not None else None
        if rows is not None and rows.columns and not rows.dataset:
            found.append(replace(rows, name=function.qualname, makes_rows=True))
    return found


def _returned_ids(facts: ModuleFacts, function: FunctionInfo) -> TextSummary | None:
    """What `function` returns, when it is the ids of a render of its own that tokenizes without `return_dict`
    (the default, `tokenize=True`) and that the module itself never uses as a list (CL005 would say so here): a
    caller in another module may."""
    for render in facts.template_calls:
        # (its own render, or a wrapper's of another module that returns what it renders as it is)
        direct = render.route is Route.DIRECT or (render.route is Route.WRAPPER and render.gives_result)
        if render.function is not function or not direct or render.by_processor:
            continue
        tokenize, return_dict = render.flag("tokenize"), render.flag("return_dict")
        if (tokenize.present and tokenize.value is False) or passes_star_args(render.call):
            continue
        if render.may_hide_flags and not only_own_kwargs(render.call, function) and spread_parameter(render) is None:
            continue  # (its own `**kwargs`, or a mapping it is given, are its caller's: judged at each call)
        taken = (conversation_parameter(render) or "") if _is_wrapper_call(render, methods=True) else ""
        if return_dict.present and not isinstance(keyword_value(render.call, "return_dict"), ast.Name):
            if return_dict.value is not False or (render.shape.kind is not ShapeKind.PROMPT and not taken):
                continue  # a mapping chosen here, or a list of ids that is not a prompt's: nothing to tell
            # (a prompt's ids chosen as a list, `return_dict=False`, or those of the conversation its caller gives,
            # a wrapper's: their count may measure the prompt elsewhere, CL003; the flag goes with them, so a
            # caller's list use is no BatchEncoding's)
        as_list = return_dict.present and return_dict.value is False  # (then the module's own list uses are fine)
        uses = facts.list_uses(render)
        # (the function's annotation alone, `-> List[int]`: judged here, and its callers still measure with it)
        declared = bool(uses) and set(uses) == {declares_ids(function)}
        if (uses and not as_list and not declared) or not facts.returned(render):
            continue
        shape = render.shape
        words = f"`{shortened(code(render.call.func), 50)}(...)`"
        params = tuple(function.call_params)
        evidence = shape.evidence or f"`{render.conversation_text}`"
        flags = _flags(render)
        return TextSummary(
            function.qualname,
            render.call.lineno,
            words,
            (),
            params,
            shape.kind.value,
            evidence,
            flags,
            taken,
            ids=True,
            declared=declared and not as_list,
        )
    return None


def _returned_retokenized(facts: ModuleFacts, function: FunctionInfo) -> TextSummary | None:
    """What `function` returns, when it is the ids of a text render of its own tokenized again, as it is
    (`text = tok.apply_chat_template(messages, tokenize=False)`, then `return self._ids(text)` with special tokens
    off): a caller in another module may measure a prompt by their count (CL003)."""
    if returns_without_bos(function, function_flow(function, facts.flows)):
        return None  # (`text = text[len(bos):]`, then `return text`: the text with its BOS taken off, no ids)
    for node in facts.scope_members(function.node):
        # (`return strip_leading_bos(text, tok)`: the same)
        if isinstance(node, ast.Return) and node.value is not None and not strips_bos(node.value):
            render = carried_render(facts, node.value, function)
            tokenize = render.flag("tokenize") if render is not None else None
            if render is not None and render.route is Route.WRAPPER and _strips_bos(facts, render):
                return None  # (`return self._render_template(messages)`, which takes the BOS off: the same)
            if render is not None and render.function is function and tokenize is not None and tokenize.value is False:
                if render.route in (Route.DIRECT, Route.WRAPPER) and not render.by_processor:
                    taken = (conversation_parameter(render) or "") if _is_wrapper_call(render, methods=True) else ""
                    return replace(_ids_summary(function, render), conversation=taken)
    return None


def _returned_length(facts: ModuleFacts, function: FunctionInfo) -> TextSummary | None:
    """What `function` returns, when it is the token count of a render of its own (`prompt_ids =
    tok.apply_chat_template(conversation[:-1]); return len(prompt_ids)`): a caller in another module may mask labels
    by it (CL003)."""
    render = facts.remembered(measured_renders).get(function.name)
    if render is None or render.function is not function or render.route not in (Route.DIRECT, Route.WRAPPER):
        return None
    return _ids_summary(function, render, measures=True)


def _returned_tuple_ids(facts: ModuleFacts, function: FunctionInfo) -> TextSummary | None:
    """What `function` returns, when it returns tuples that hold, at places that agree, the ids of renders that
    tokenize without `return_dict` (`return prompt_ids, full_ids`, each made by a wrapper of the module) and that
    the module itself never uses as a list: a caller in another module that unpacks them may. For a generator, the
    tuples it yields (`yield row_id, prompt_ids, answer`): a loop of another module unpacks them."""
    flow = function_flow(function, facts.flows)
    returns = flow.yields if flow.yields and not flow.returns else flow.returns
    if not returns or not all(isinstance(value, ast.Tuple) for value in returns):
        return None
    found: dict[int, TemplateCall] = {}
    for value in returns:
        assert isinstance(value, ast.Tuple)
        for position, element in enumerate(value.elts):
            render = carried_render(facts, element, function)
            if render is None or render.by_processor or facts.list_uses(render) or render.route is Route.HELPER:
                continue
            tokenize, return_dict = render.flag("tokenize"), render.flag("return_dict")
            if (tokenize.present and tokenize.value is not True) or return_dict.present or render.may_hide_flags:
                continue
            found.setdefault(position, render)
    if not found:
        return None
    summary = _ids_summary(function, found[min(found)], positions=tuple(sorted(found)))
    return replace(summary, yields=returns is flow.yields)


def _ids_summary(
    function: FunctionInfo, render: TemplateCall, positions: tuple[int, ...] = (), measures: bool = False
) -> TextSummary:
    """The summary of a function that returns the ids of `render` (at `positions` of its tuples), or their count."""
    words = f"`{shortened(code(render.call.func), 50)}(...)`"
    evidence = render.shape.evidence or f"`{render.conversation_text}`"
    return TextSummary(
        function.qualname,
        render.call.lineno,
        words,
        (),
        tuple(function.call_params),
        render.shape.kind.value,
        evidence,
        _flags(render),
        ids=True,
        positions=positions,
        measures=measures,
    )


def _stored_texts(facts: ModuleFacts, rendered: RenderedTexts) -> list[TextSummary]:
    """The attributes the module's classes store rendered text in: set to one (`self.prompt = render(...)`), or a
    list filled with them (`self.prompts.append(...)`)."""
    found = []
    classes = {id(function.cls): function.cls for function in facts.functions if function.cls is not None}
    for cls in classes.values():
        if not any(_is_top_level(method) for method in cls.methods.values()):
            continue
        appended = {
            name.removeprefix("self.")
            for method in cls.methods.values()
            for name in method.mutations
            if name.startswith("self.")
        }
        for attribute in sorted(set(cls.attributes) | appended):
            origin = rendered.attribute_text(attribute, cls, 0)
            stored = "text"
            if origin is None or origin.batch:
                origin, stored = rendered.attribute_texts(attribute, cls, 0), "texts"
            if origin is not None and origin.line:
                name = f"{cls.name}.{attribute}"
                found.append(TextSummary(name, origin.line, origin.render, certain=origin.certain, stored=stored))
    # the fields of its classes that the module builds them with a render in (`Rollout(prompt_text=text)`)
    for cls in facts.classes.values():
        for field in cls.annotations if cls.name in rendered.constructions else ():
            origin = rendered.field_text(cls, field, 0)
            if origin is not None and origin.line and not origin.batch:
                # (some calls may put other text there: `certain` says whether every one puts a render)
                name = f"{cls.name}.{field}"
                found.append(TextSummary(name, origin.line, origin.render, certain=origin.certain, stored="field"))
    return found


def _is_module_level(function: FunctionInfo) -> bool:
    return _is_top_level(function) and function.cls is None


def _id_params(facts: ModuleFacts, batch: bool = False) -> tuple[tuple[str, int, str, str, int], ...]:
    """The module-level functions (not methods) that use a parameter named for ids as a list of ids (see
    `ModuleSummary.id_params`); `batch`: each item of a parameter named for a batch of them (`id_batch_params`)."""
    found = []
    named = _NAMES_ID_BATCHES if batch else _NAMES_IDS
    uses_of = facts.parameter_item_id_uses if batch else facts.parameter_id_uses
    for function in facts.functions:
        if function.cls is not None or not _is_top_level(function):
            continue
        for position, name in enumerate(function.call_params):
            uses = uses_of(function, name) if named.search(name) else ()
            if uses:
                found.append((function.qualname, position, name, uses[0], getattr(function.node, "lineno", 0)))
    return tuple(found)


# a parameter named for token ids: `ids`, `prompt_ids`, `input_ids`, `tokens`, `token_ids`
_NAMES_IDS = re.compile(r"(?:^|_)(?:ids|tokens)$")
# a parameter named for a batch of them: `batch_ids`, `sequences`, `encoded`, `batch`, `prompts_tokens`
_NAMES_ID_BATCHES = re.compile(r"(?:^|_)(?:ids|tokens|seqs|sequences|encoded|encodings|batch)$")


def _is_top_level(function: FunctionInfo) -> bool:
    """A function of the module, or a method of one of its classes: what another module can call by name."""
    return not function.is_module and function.outer is not None and function.outer.is_module


def _is_wrapper_call(template_call: TemplateCall, methods: bool = False) -> bool:
    """A render whose conversation is a parameter of its function (or a list made from it turn by turn, see
    `calls.conversation_parameter`), directly or through a wrapper of its own module: a module-level function (or,
    with `methods`, a method of a class of the module too)."""
    function = template_call.function
    return (
        template_call.route in (Route.DIRECT, Route.WRAPPER)
        and (_is_top_level(function) if methods else _is_module_level(function))
        and conversation_parameter(template_call) is not None
    )


def _wrapper(template_call: TemplateCall, facts: ModuleFacts) -> WrapperSummary:
    parameter = conversation_parameter(template_call)
    assert parameter is not None
    return WrapperSummary(
        template_call.function.name,
        template_call.call.lineno,
        tuple(template_call.function.params),
        parameter,
        _flags(template_call),
        returns_result=not template_call.returns_text and facts.returned(template_call),
        measures=template_call.function.name in measuring_wrappers(facts),
        strips_bos=returns_without_bos(template_call.function, function_flow(template_call.function, facts.flows))
        or (template_call.route is Route.WRAPPER and _strips_bos(facts, template_call)),
    )


def _strips_bos(facts: ModuleFacts, template_call: TemplateCall) -> bool:
    """A call of a wrapper (of another module, or of the module: `self._render_template(messages)`, also of a base
    class) that returns its render with the BOS taken off."""
    return template_call.strips_bos or facts.rendered_texts.wrapper_strips_bos(
        template_call.call, template_call.function
    )


def _flags(template_call: TemplateCall) -> tuple[ForwardedFlag, ...]:
    """Where the render's flags come from: a parameter of its function, the caller's `**kwargs`, or its own."""
    function = template_call.function
    flags = []
    for name in FLAG_NAMES:
        inner = template_call.flags[name]
        forwarded = (
            template_call.forwarded.get(name)
            if template_call.route is Route.WRAPPER
            else keyword_value(template_call.call, name)
        )
        if forwarded is None and inner.source is FlagSource.KWARGS and isinstance(inner.node, ast.Attribute):
            forwarded = inner.node  # `**asdict(fmt)`: the field `fmt.add_generation_prompt` (see `mapping_value`)
        if isinstance(forwarded, ast.Name) and forwarded.id in function.params:
            flags.append(ForwardedFlag(name, forwarded.id, inner.value, inner.present, where=inner.where))
        elif (
            inner.value is None
            and isinstance(forwarded, ast.Attribute)
            and isinstance(forwarded.value, ast.Name)
            and forwarded.value.id in function.params
        ):
            # a field of a parameter (`template.add_generation_prompt`): what the caller's object declares
            field = f"{forwarded.value.id}.{forwarded.attr}"
            flags.append(ForwardedFlag(name, None, None, True, where=f"`{field}`", field=field))
        elif not inner.present and function.star_kwargs and _forwards(template_call.call, function.star_kwargs):
            flags.append(ForwardedFlag(name, None, None, False, from_kwargs=True))
        elif not inner.present and (mapping := spread_parameter(template_call)) is not None:
            flags.append(ForwardedFlag(name, None, None, False, mapping=mapping))
        elif merges_caller_kwargs(template_call.call, function):
            # its own value, unless the caller's keyword overrides it (`kwargs.update(overrides)`)
            flags.append(ForwardedFlag(name, None, inner.value, inner.present, where=inner.where, from_kwargs=True))
        elif not inner.present and (
            (not function.star_kwargs and SpreadSource.UNKNOWN in template_call.spreads)
            or (template_call.through_wrapper and template_call.may_hide_flags)
        ):
            # a `**mapping` the code does not show may set it (`{**CHAT_TEMPLATE_KWARGS, **extras}`), or one its
            # caller fills handed to a wrapper that gives the template its keywords (`**prompt_kwargs`): unknown (a
            # mapping updated with the function's own `**overrides` holds what its callers pass, judged there)
            flags.append(ForwardedFlag(name, None, None, True, where="a `**` mapping of the render"))
        else:
            given = keyword(template_call.call, name) if template_call.route is not Route.WRAPPER else None
            line = given.value.lineno if given is not None else 0
            flags.append(ForwardedFlag(name, None, inner.value, inner.present, where=inner.where, line=line))
    return tuple(flags)


def _forwards(call: ast.Call, kwargs_name: str) -> bool:
    return any(dotted_name(value) == kwargs_name for value in star_kwargs(call))
