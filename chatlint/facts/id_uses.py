"""Where the result of a tokenizing call is used as a list of token ids (CL005): `len(ids)`, `ids[:n]`,
`torch.tensor(ids)`, a model's `input_ids`, a dataset's examples; followed through local names, returns to callers
and arguments to the module's own functions."""

from __future__ import annotations

import ast
import enum
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from chatlint.facts.flow import Binding, FunctionFlow, Load, function_flow, scope_bindings, single_assignment
from chatlint.facts.model import CallSite, FunctionInfo
from chatlint.facts.syntax import SAME_ITEMS, called_name, code, dotted_name, shortened, string_value
from chatlint.facts.uses import dict_key, same_value
from chatlint.findings import Related

# -- uses of a result as a list of token ids (CL005) ------------------------------------------------------------------
# Calls that read their argument as a sequence of ids; under transformers 5 a `BatchEncoding` (a dict) goes in
# silently: `len()` counts its keys, `list()` and `set()` list them, the tensor constructors fail or build nonsense.
_SEQUENCE_CALLS = frozenset(
    {
        "len",
        "list",
        "set",
        "sorted",
        "torch.tensor",
        "torch.LongTensor",
        "torch.as_tensor",
        "np.array",
        "np.asarray",
        "numpy.array",
        "numpy.asarray",
        "mx.array",
        "mlx.core.array",
        "zip",
        "enumerate",
    }
)
# calls that take rows of ids as their first argument: `torch.tensor([ids])`, `torch.cat([prefix, ids], dim=1)`
_ROWS_OF_IDS_CALLS = frozenset(
    {
        "torch.tensor",
        "torch.LongTensor",
        "torch.as_tensor",
        "torch.cat",
        "torch.concat",
        "torch.concatenate",
        "torch.stack",
        "torch.hstack",
        "torch.vstack",
        "np.array",
        "np.asarray",
        "np.concatenate",
        "numpy.array",
        "numpy.asarray",
        "numpy.concatenate",
        "mx.array",
        "mx.concatenate",
    }
)
# a tensor's attributes and methods, which a `BatchEncoding` does not have (`.to()` it has: see `same_value`)
_TENSOR_ATTRIBUTES = frozenset(
    {
        *("shape", "size", "numel", "ndim", "dim", "tolist", "squeeze", "unsqueeze", "long", "flatten", "view", "cuda"),
        *("repeat", "repeat_interleave", "expand", "reshape", "clone", "detach", "numpy"),
    }
)
_IDS_KEYS = ("input_ids", "labels", "tokens", "token_ids")
_MAX_CALLER_DEPTH = 3
_MAX_RENAMES = 8  # names one value is moved on to (`ids = ids.to(device)`) that are followed


class UseKind(enum.Enum):
    """How a value is used, as far as its being a list of ids goes."""

    NONE = "none"
    LIST = "list"  # read as a list of ids; `detail` says how, in words
    RETURNED = "returned"  # returned: its callers decide
    RETURNED_IN_TUPLE = "returned-in-tuple"  # returned inside a tuple
    YIELDED_IN_TUPLE = "yielded-in-tuple"  # yielded inside a tuple (the detail: its position)
    DATASET_ITEM = "dataset-item"  # made an item of `self.<detail>`, a dataset's examples
    NAME = "name"  # assigned to the local name `detail`: its loads decide
    BATCH_NAME = "batch-name"  # an item of the list comprehension assigned to the local name `detail`
    MAPPED_NAME = "mapped-name"  # a value of the dict literal assigned to the local name `detail`
    PASSED = "passed"  # a positional argument of the call `node`: the function called decides, when it is ours
    PROMPT = "prompt"  # the `prompt=` keyword of the call `node`: ids when it is mlx-lm's `generate`
    APPENDED = "appended"  # appended to a local list by the call `node` (`batch.append(ids)`): the list's uses decide
    BATCH_PASSED = "batch-passed"  # an item of a list comprehension that is a positional argument of the call `node`
    ITEM_STORED = "item-stored"  # stored under a key of a local name (`row[KEY] = ...`): its reads by that key decide


class SequenceUse(NamedTuple):
    kind: UseKind
    detail: str = ""
    node: ast.Call | None = None
    target: ast.Subscript | None = None  # where an ITEM_STORED value is stored


NO_USE = SequenceUse(UseKind.NONE)


class IdsSearch(NamedTuple):
    """What the search reads of one module: the flow of each function, every call by name, which function of the
    module a call calls (`RenderedTexts.helper_function`), and the module's functions."""

    flows: dict[int, FunctionFlow]
    call_sites: dict[str, list[CallSite]]
    callee_of: Callable[[ast.Call, FunctionInfo], FunctionInfo | None]
    # the names the module calls mlx-lm's `generate` / `stream_generate` by (`mlx_generate`, `mlx_lm.generate`):
    # their `prompt` (the third parameter) is a text or a list of ids, not a `BatchEncoding`
    prompt_takers: frozenset[str] = frozenset()
    # every function of the module (for the functions defined in another that read its names)
    functions: tuple[FunctionInfo, ...] = ()
    # the method of a function's class that an imported base class hands what the function returns, with words for
    # that hand-off (`RenderedTexts.passed_on`)
    passed_on: Callable[[FunctionInfo], tuple[FunctionInfo, str, Related] | None] = lambda function: None
    # the uses, in words, of a value handed to a function of another module at a position (`fit_to_window(ids, n)`,
    # as that module's summary says: `ModuleSummary.id_params`)
    imported_uses: Callable[[ast.Call, int], list[str]] = lambda call, position: []
    # the same for a list of such values handed on whole (`left_pad(encoded, pad_id)`), whose items the function of
    # the other module uses as ids (`ModuleSummary.id_batch_params`)
    imported_batch_uses: Callable[[ast.Call, int], list[str]] = lambda call, position: []

    def uses(self, call: ast.Call, ancestors: tuple[ast.AST, ...], function: FunctionInfo) -> tuple[str, ...]:
        """Where the value of `call` is used as a list of token ids, in words ("`len(ids)`"), following the
        local name it is assigned to (every load that assignment reaches), the callers of its function when it
        is returned, and the module's own function it is handed to as a positional argument."""
        return self._uses(call, ancestors, function, 0)

    def parameter_uses(self, function: FunctionInfo, name: str, depth: int = 1) -> tuple[str, ...]:
        """Where `function` uses the value of its parameter `name` as a list of token ids, in words (none when some
        use is written for both kinds of value: `if isinstance(ids, dict)`)."""
        binding = self._parameter_binding(function, name)
        return self._binding_uses(binding, function, depth) if binding is not None else ()

    def parameter_item_uses(self, function: FunctionInfo, name: str, depth: int = 1) -> tuple[str, ...]:
        """Where `function` uses each item of its parameter `name` as a list of token ids, walking it (`for ids in
        batch_ids: len(ids)`), in words (none when some use of the parameter is written for both kinds of value)."""
        binding = self._parameter_binding(function, name)
        if binding is None:
            return ()
        flow = function_flow(function, self.flows)
        found: list[str] = []
        for load in flow.loads_reached_by(binding):
            walked = _walked_items(load)
            if walked is not None:
                loop, item = walked
                uses = self._binding_uses(flow.binding_of(loop, item), function, depth + 1)
                found.extend(f"an item of `{name}`, `{item}`: {use}" for use in uses)
        return tuple(dict.fromkeys(found))

    def _parameter_binding(self, function: FunctionInfo, name: str) -> Binding | None:
        """The binding the parameter `name` gets from the call, unless some use of it is written for both kinds of
        value (`if isinstance(ids, dict)`)."""
        flow = function_flow(function, self.flows)
        binding = next((item for item in flow.bindings.get(name, ()) if item.kind == "param"), None)
        if binding is None or any(_written_for_both(load) for load in _loads_through_copies(flow, binding)):
            return None
        return binding

    def _uses(
        self, node: ast.AST, ancestors: tuple[ast.AST, ...], function: FunctionInfo, depth: int
    ) -> tuple[str, ...]:
        value, above = same_value(node, ancestors)
        use = _sequence_use(value, above)
        if use.kind is UseKind.BATCH_NAME:
            return self._batch_uses(function, above[-2], use.detail, depth)
        if use.kind is UseKind.MAPPED_NAME:
            return self._batch_uses(function, above[-2], use.detail, depth, mapped=True)
        if use.kind is not UseKind.NAME:
            return tuple(dict.fromkeys(self._expand(use, value, function, depth)))
        flow = function_flow(function, self.flows)
        return self._binding_uses(flow.binding_of(above[-1], use.detail), function, depth)

    def unpacked(
        self, call: ast.Call, ancestors: tuple[ast.AST, ...], function: FunctionInfo, positions: tuple[int, ...]
    ) -> tuple[str, ...]:
        """Where the ids at `positions` of the tuple `call` returns are used as a list, where the call's result is
        unpacked (`prompt_ids, ids = encode_pair(...)`), or the tuple returned whole as a dataset's example (`return
        encode_pair(...)` in `__getitem__`: the collator unpacks it)."""
        value, above = same_value(call, ancestors)
        if _sequence_use(value, above).kind is UseKind.RETURNED and function.name == "__getitem__":
            return tuple(_returned_in_tuple(function))
        found: list[str] = []
        loop = _looping(call, ancestors)
        for position in positions:
            # (a generator's tuples, unpacked by the loop over them; or a tuple, by the assignment of it)
            name = _element_name(loop.target, position) if loop is not None else _unpacked_name(ancestors, position)
            if name is None:
                continue
            binding = function_flow(function, self.flows).binding_of(loop or ancestors[-1], name)
            found.extend(f"unpacked as `{name}`: {use}" for use in self._binding_uses(binding, function, 0))
        return tuple(dict.fromkeys(found))

    def returned(self, call: ast.Call, ancestors: tuple[ast.AST, ...], function: FunctionInfo) -> bool:
        """Is the value of `call` returned by its function as it is: itself, or through the local names it is moved
        on to, none of which reads it by key or tests its kind?"""
        value, above = same_value(call, ancestors)
        use = _sequence_use(value, above)
        if use.kind is not UseKind.NAME:
            return use.kind is UseKind.RETURNED
        first = function_flow(function, self.flows).binding_of(above[-1], use.detail)
        loads = list(self._binding_loads(first, function))
        if any(_written_for_both(load) for load, _, _, _ in loads):
            return False  # read by key or tested for its kind: what is returned may be normalised
        return any(load_use.kind is UseKind.RETURNED and where is function for _, load_use, _, where in loads)

    def _binding_uses(self, first: Binding | None, function: FunctionInfo, depth: int) -> tuple[str, ...]:
        """The uses of the value a binding gives a name, through the names it is moved on to unchanged
        (`ids = ids.to(device)`), also in the functions defined in this one that read it; none when some load reads
        it by key on a path a `BatchEncoding` takes (`if is_transformers_version_greater_than("5.0.0"): ids =
        ids["input_ids"]`): code written for both kinds of value, from there on. A use the function makes before
        its first such load (`model.generate(input_ids=ids)`, then `if isinstance(ids, torch.Tensor): n =
        ids.shape[1]`) still counts."""
        loads = list(self._binding_loads(first, function))
        tests = [load.order for load, _, _, where in loads if _written_for_both(load)]
        if tests:
            if any(where is not function for _, _, _, where in loads):
                return ()  # (loads in functions defined in this one: no order to compare)
            loads = [item for item in loads if item[0].order < min(tests)]
        found: list[str] = []
        for _, load_use, value, where in loads:
            found.extend(self._expand(load_use, value, where, depth))
        return tuple(dict.fromkeys(found))

    def _binding_loads(
        self, first: Binding | None, function: FunctionInfo
    ) -> Iterator[tuple[Load, SequenceUse, ast.AST, FunctionInfo]]:
        """Each load of the value a binding gives a name, with how it uses it (and the value there) and the function
        it is in, through the names it is moved on to unchanged; a name the binding leaves the function with is also
        read by the functions defined in it that do not bind it (`def _stream(): generate_tokens(model, ids)`)."""
        flow = function_flow(function, self.flows)
        pending = [first]
        seen: set[int] = set()
        while pending:
            binding = pending.pop()
            if binding is None or id(binding) in seen or len(seen) > _MAX_RENAMES:
                continue
            seen.add(id(binding))
            loads = [(load, function) for load in flow.loads_reached_by(binding)]
            if any(item is binding for item in flow.at_end(binding.name)):
                loads += self._closure_loads(binding.name, function)
            for load, where in loads:
                if _under_a_blind_test(load):
                    continue  # (a branch a `BatchEncoding` never takes: `if hasattr(out, "shape"): out.to(device)`)
                value, above = same_value(load.node, load.ancestors)
                load_use = _sequence_use(value, above)
                if load_use.kind is UseKind.NAME:
                    if where is function:
                        pending.append(flow.binding_of(above[-1], load_use.detail))
                else:
                    yield load, load_use, value, where

    def _batch_uses(
        self, function: FunctionInfo, assign: ast.AST, name: str, depth: int, mapped: bool = False
    ) -> tuple[str, ...]:
        """`batch = [tok.apply_chat_template(c) for c in chats]`, then `llm.generate(prompt_token_ids=batch)`: the
        list is handed on as a batch of id lists, each item one of them; or a loop over it uses each item so (`for
        ids in batch: TokensPrompt(prompt_token_ids=ids)`, also a comprehension). With `mapped`, the values of a dict
        (`sides = {"chosen": encode(c), ...}`) a loop walks so (`for side, ids in sides.items(): ids[-n:]`)."""
        flow = function_flow(function, self.flows)
        binding = flow.binding_of(assign, name)
        if binding is None:
            return ()
        found: list[str] = []
        for load in flow.loads_reached_by(binding):
            parent = load.ancestors[-1] if load.ancestors else None
            if not mapped and isinstance(parent, ast.keyword) and parent.arg is not None and _is_ids_key(parent.arg):
                found.append(f"`{parent.arg}={name}`, a batch of id lists")
                continue
            if not mapped and isinstance(parent, ast.Call) and any(argument is load.node for argument in parent.args):
                found.extend(self._passed_batch_uses(parent, load.node, function, depth))
                continue
            walked = _walked_values(load) if mapped else _walked_items(load)
            if walked is not None:
                loop, item = walked
                uses = self._binding_uses(flow.binding_of(loop, item), function, depth + 1)
                found.extend(f"{'a value' if mapped else 'an item'} of `{name}`, `{item}`: {use}" for use in uses)
        return tuple(dict.fromkeys(found))

    def _closure_loads(self, name: str, function: FunctionInfo) -> list[tuple[Load, FunctionInfo]]:
        """The loads of `name` in the functions defined in `function` (one level) that neither bind it nor take it
        as a parameter: they read `function`'s value."""
        found = []
        for inner in self.functions:
            if inner.outer is not function or name in inner.params:
                continue
            inner_flow = function_flow(inner, self.flows)
            if not inner_flow.bindings.get(name):
                found += [(load, inner) for load in inner_flow.loads.get(name, ())]
        return found

    def _expand(self, use: SequenceUse, value: ast.AST, function: FunctionInfo, depth: int) -> list[str]:
        """One sequence use in words, following a return to the callers, an argument to the function called and
        a stored value to the dataset."""
        if use.kind is UseKind.RETURNED:
            return self._returned_uses(function, depth)
        if use.kind is UseKind.PASSED and use.node is not None:
            return self._passed_uses(use.node, value, function, depth)
        if use.kind is UseKind.BATCH_PASSED and use.node is not None:
            comprehension = next(argument for argument in use.node.args if _holds(argument, value))
            return self._passed_batch_uses(use.node, comprehension, function, depth)
        if use.kind is UseKind.PROMPT and use.node is not None:
            return [_prompt_use(use.node)] if dotted_name(use.node.func) in self.prompt_takers else []
        if use.kind is UseKind.APPENDED and use.node is not None:
            return list(_appended_uses(function_flow(function, self.flows), use.node, self.prompt_takers))
        if use.kind is UseKind.YIELDED_IN_TUPLE:
            return self._looped_uses(function, int(use.detail), depth)
        if use.kind is UseKind.RETURNED_IN_TUPLE:
            return _returned_in_tuple(function) + self._unpacked_uses(function, int(use.detail), depth)
        if use.kind is UseKind.DATASET_ITEM:
            return _dataset_item_use(use.detail, function, self.flows)
        if use.kind is UseKind.ITEM_STORED and use.target is not None:
            return self._stored_item_uses(use.target, function, depth)
        return [use.detail] if use.kind is UseKind.LIST else []

    def _stored_item_uses(self, target: ast.Subscript, function: FunctionInfo, depth: int) -> list[str]:
        """The uses of a value stored under a key of a local name (`row[INPUT_IDS_PROMPT_KEY] = ...`), where the
        function reads it back by the same key after the store (`len(row[INPUT_IDS_PROMPT_KEY])`)."""
        if depth >= _MAX_CALLER_DEPTH or not isinstance(target.value, ast.Name):
            return []
        key = ast.dump(target.slice)
        stored_at = (target.lineno, target.col_offset)
        items = [
            (load, item)
            for load in function_flow(function, self.flows).loads.get(target.value.id, ())
            if isinstance(item := load.ancestors[-1] if load.ancestors else None, ast.Subscript)
            and item.value is load.node
            and ast.dump(item.slice) == key
            and (item.lineno, item.col_offset) > stored_at
        ]
        # up to the next store under that key (`row[KEY] = row[KEY]["input_ids"]`)
        until = min(
            ((item.lineno, item.col_offset) for _, item in items if isinstance(item.ctx, ast.Store)), default=None
        )
        reads = [
            (load, item)
            for load, item in items
            if isinstance(item.ctx, ast.Load) and (until is None or (item.lineno, item.col_offset) < until)
        ]
        if any(_keyed(item, load.ancestors[:-1]) for load, item in reads):
            return []  # read by key: written for a `BatchEncoding` too
        found: list[str] = []
        for load, item in reads:
            found.extend(self._uses(item, load.ancestors[:-1], function, depth + 1))
        return found

    def _passed_uses(self, call: ast.Call, value: ast.AST, caller: FunctionInfo, depth: int) -> list[str]:
        """`self._expand(ids, ...)`, `pad(ids)`: the value handed to a function of the module, whose parameter is
        annotated as ids (`input_ids: List[int]`) or used as ids in its body."""
        callee = self.callee_of(call, caller) or _inherited(call, caller)
        position = next(index for index, argument in enumerate(call.args) if argument is value)
        if callee is None and position == 2 and dotted_name(call.func) in self.prompt_takers:
            return [_prompt_use(call)]  # `generate(model, tokenizer, ids)`
        if callee is None and position == 0 and _loaded_model(call.func, caller, self.flows, 0):
            # `rm(ids)` with `rm = AutoModel.from_pretrained(path)`: a model's first parameter is `input_ids`
            return [f"`{_short(call)}`, which takes it as `input_ids`"]
        if callee is None:
            return self.imported_uses(call, position)
        if depth >= _MAX_CALLER_DEPTH:
            return []
        names = callee.call_params
        if position >= len(names):
            return []
        parameter = callee.params[names[position]]
        where = f"passed to `{callee.qualname}` as `{parameter.name}`"
        annotation = _ids_annotation(parameter.annotation)
        if annotation:
            return [f"{where}, annotated `{annotation}`"]
        return [f"{where}, which uses it: {use}" for use in self.parameter_uses(callee, parameter.name, depth + 1)]

    def _passed_batch_uses(self, call: ast.Call, value: ast.AST, caller: FunctionInfo, depth: int) -> list[str]:
        """`left_pad(encoded, pad_id)` with `encoded` a list of such values: handed to a function of the module (or,
        as its summary says, of another one) that uses each item of its parameter as ids."""
        position = next(index for index, argument in enumerate(call.args) if argument is value)
        callee = self.callee_of(call, caller)
        if callee is None and position == 2 and dotted_name(call.func) in self.prompt_takers:
            return [f"the prompts of mlx-lm's `{_short(call)}`, a batch of id lists"]  # `batch_generate(m, tok, ids)`
        if callee is None and position == 0 and self._inserted_into_a_batch_generator(call, caller):
            # `gen = BatchGenerator(model, ...)`, then `gen.insert(prompts)`: mlx-lm's batch of id lists
            return [f"the prompts of mlx-lm's `{_short(call)}`, a batch of id lists"]
        if callee is None:
            return self.imported_batch_uses(call, position)
        names = callee.call_params
        if depth >= _MAX_CALLER_DEPTH or position >= len(names):
            return []
        where = f"handed in a list to `{callee.qualname}` as `{names[position]}`, which uses"
        return [f"{where} {use}" for use in self.parameter_item_uses(callee, names[position], depth + 1)]

    def _inserted_into_a_batch_generator(self, call: ast.Call, caller: FunctionInfo) -> bool:
        """`gen.insert(prompts)` with `gen` bound once to mlx-lm's `BatchGenerator(...)`, whose `insert` takes a list
        of prompts, each a list of ids (read in the `generate.py` of mlx-lm 0.27.1, 0.28.4, 0.30.0 and 0.32.0; 0.32.0
        annotates it `prompts: List[List[int]]`)."""
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr == "insert" and isinstance(func.value, ast.Name)):
            return False
        built = single_assignment(func.value.id, caller, self.flows)
        return isinstance(built, ast.Call) and (dotted_name(built.func) or "").rsplit(".", 1)[-1] == "BatchGenerator"

    def _unpacked_uses(self, function: FunctionInfo, position: int, depth: int) -> list[str]:
        """The uses of the element at `position` of the tuples `function` returns, where its callers in the module
        unpack them (`prompt_ids, ids = encode_pair(...)`)."""
        if function.is_module or depth >= _MAX_CALLER_DEPTH or position < 0:
            return []
        found: list[str] = []
        for site, caller, site_ancestors in self.call_sites.get(function.name, ()):
            name = _unpacked_name(site_ancestors, position) if self._calls(site, caller, function) else None
            if name is None:
                continue
            binding = function_flow(caller, self.flows).binding_of(site_ancestors[-1], name)
            where = f"returned by `{function.qualname}` and unpacked as `{name}` in {caller.display_name}"
            found.extend(f"{where}: {use}" for use in self._binding_uses(binding, caller, depth + 1))
        return found

    def _looped_uses(self, function: FunctionInfo, position: int, depth: int) -> list[str]:
        """The uses of the element at `position` of the tuples a generator yields, where a loop of the module over
        it unpacks them (`for rid, ids, gold in self._prompts(rows)`)."""
        if function.is_module or depth >= _MAX_CALLER_DEPTH or position < 0:
            return []
        found: list[str] = []
        for site, caller, site_ancestors in self.call_sites.get(function.name, ()):
            loop = _looping(site, site_ancestors)
            name = _element_name(loop.target, position) if loop is not None else None
            if loop is None or name is None or not self._calls(site, caller, function):
                continue
            binding = function_flow(caller, self.flows).binding_of(loop, name)
            where = f"yielded by `{function.qualname}` and unpacked as `{name}` in {caller.display_name}"
            found.extend(f"{where}: {use}" for use in self._binding_uses(binding, caller, depth + 1))
        return found

    def _calls(self, site: ast.Call, caller: FunctionInfo, function: FunctionInfo) -> bool:
        """`site` calls `function` (see `_calls_function`), or the method of an instance the code shows built
        (`builder.encode(row)` with `builder = PromptBuilder(tok)`, also handed in by every caller)."""
        if _calls_function(site, caller, function):
            return True
        receiver = site.func.value if isinstance(site.func, ast.Attribute) else None
        if function.cls is None or receiver is None or dotted_name(receiver) == "self":
            return False
        return self.callee_of(site, caller) is function

    def _returned_uses(self, function: FunctionInfo, depth: int) -> list[str]:
        if function.is_module or depth >= _MAX_CALLER_DEPTH:
            return []
        found = []
        sites = [
            (site, caller, site_ancestors)
            for site, caller, site_ancestors in self.call_sites.get(function.name, ())
            if self._calls(site, caller, function)
        ]
        if any(_read_by_key(site, caller, site_ancestors, self.flows) for site, caller, site_ancestors in sites):
            return []  # a caller reads the result by key: code written for the dict
        declared = declares_ids(function)
        if declared:
            found.append(declared)
        cls = function.cls
        if cls is not None and "__getitem__" in cls.methods and not found:
            # a dataset's method hands the render on as a training example, which a training loop reads as ids
            found.append(f"returned by `{function.qualname}` as an example of the dataset `{cls.name}`")
        for site, caller, site_ancestors in sites:
            for use in self._uses(site, site_ancestors, caller, depth + 1):
                found.append(f"returned by `{function.qualname}`, whose caller in {caller.display_name} uses it: {use}")
        handed = self.passed_on(function) if not sites else None
        if handed is not None:
            receiver, words, _ = handed
            flow = function_flow(receiver, self.flows)
            first = receiver.call_params[0] if receiver.call_params else ""
            binding = next((item for item in flow.bindings.get(first, ()) if item.kind == "param"), None)
            if binding is not None and not any(
                _written_for_both(load) for load in _loads_through_copies(flow, binding)
            ):
                uses = self._binding_uses(binding, receiver, depth + 1)
                found += [f"returned by `{function.qualname}`, which {words} as `{first}`: {use}" for use in uses]
        return found


def _inherited(call: ast.Call, caller: FunctionInfo) -> FunctionInfo | None:
    """The method `self.<name>(...)` calls when a base class of the module defines it, not the caller's own class
    (`self.sample_from_ids(ids)` in a subclass of `HFDecoder`), and not as a hook left to subclasses."""
    func, cls = call.func, caller.self_class
    if cls is None or not isinstance(func, ast.Attribute) or dotted_name(func.value) != "self":
        return None
    if func.attr in cls.methods or func.attr in cls.attributes:
        return None
    method = cls.method(func.attr)  # (a base's: the class defines none)
    return method if method is not None and not method.is_stub else None


def _appended_uses(flow: FunctionFlow, append: ast.Call, prompt_takers: frozenset[str]) -> tuple[str, ...]:
    """`batch.append(ids)`, then `llm.generate(prompt_token_ids=batch)` or mlx-lm's `batch_generate(model,
    tokenizer, batch)`: the local list is handed on as a batch of id lists, each item one of them."""
    receiver = append.func.value if isinstance(append.func, ast.Attribute) else None
    if not isinstance(receiver, ast.Name):
        return ()
    found = []
    for binding in flow.reaching(receiver.id, receiver):
        for load in flow.loads_reached_by(binding):
            parent = load.ancestors[-1] if load.ancestors else None
            if isinstance(parent, ast.keyword) and parent.arg is not None and _is_ids_key(parent.arg):
                found.append(f"`{parent.arg}={receiver.id}`, a batch of id lists")
            elif (
                isinstance(parent, ast.Call)
                and dotted_name(parent.func) in prompt_takers
                and len(parent.args) > 2
                and parent.args[2] is load.node
            ):
                found.append(f"the prompts of mlx-lm's `{_short(parent)}`, a batch of id lists")
    return tuple(dict.fromkeys(found))


def _dataset_item_use(attribute: str, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> list[str]:
    """The value is an item of `self.<attribute>`, and the class's `__getitem__` returns those items: a dataset
    whose examples are the renders, which the training loop reads as lists of ids."""
    cls = function.cls
    getitem = cls.methods.get("__getitem__") if cls is not None else None
    if getitem is None:
        return []
    for value in function_flow(getitem, flows).returns:
        if (
            isinstance(value, ast.Subscript)
            and dotted_name(value.value) == f"self.{attribute}"
            and not isinstance(value.slice, (ast.Slice, ast.Tuple))
            and string_value(value.slice) is None
        ):
            return [f"an item of `self.{attribute}`, which `{getitem.qualname}` returns as a training example"]
    return []


def _calls_function(site: ast.Call, caller: FunctionInfo, function: FunctionInfo) -> bool:
    """`site` calls `function`: a plain call of a module function, or `self.method(...)` in the same class."""
    func = site.func
    is_method = isinstance(func, ast.Attribute)
    if (function.cls is not None) != is_method:
        return False
    if isinstance(func, ast.Attribute):
        return caller.cls is function.cls and dotted_name(func.value) == "self"
    return True


def _read_by_key(
    node: ast.AST, function: FunctionInfo, ancestors: tuple[ast.AST, ...], flows: dict[int, FunctionFlow]
) -> bool:
    """The value of `node` is read by key (`x["input_ids"]`, `x.input_ids`) or spread (`**x`), directly or
    through the local name it is assigned to."""
    if _keyed(node, ancestors):
        return True
    parent = ancestors[-1] if ancestors else None
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
        name = parent.targets[0].id
        flow = function_flow(function, flows)
        binding = flow.binding_of(parent, name)
        if binding is not None:
            return any(_keyed(load.node, load.ancestors) for load in flow.loads_reached_by(binding))
    return False


def _loads_through_copies(flow: FunctionFlow, binding: Binding) -> list[Load]:
    """The loads `binding` reaches, and those of every name it is copied to (`token_ids = tokenized_output`, then
    `isinstance(token_ids, dict)`), wherever that name is bound again."""
    loads = flow.loads_reached_by(binding)
    copies = {
        target.id
        for load in loads
        if isinstance(statement := load.ancestors[-1] if load.ancestors else None, ast.Assign)
        and statement.value is load.node
        for target in statement.targets
        if isinstance(target, ast.Name)
    }
    return loads + [load for name in sorted(copies) for load in flow.loads.get(name, ())]


def _written_for_both(load: Load) -> bool:
    """The load reads the value by key or tests its kind (`isinstance(ids, list)`, not in an `assert`): code written
    for a `BatchEncoding` as well as for a list."""
    parent = load.ancestors[-1] if load.ancestors else None
    if isinstance(parent, ast.Call) and parent.args and parent.args[0] is load.node:
        return tells_a_batch_encoding(parent) and not asserted_a_list(parent, load.ancestors[:-1])
    return _keyed(load.node, load.ancestors) and not _under_a_blind_test(load)


def _guarded_by_hasattr(node: ast.AST, attribute: str, ancestors: tuple[ast.AST, ...]) -> bool:
    """`ids.tolist() if hasattr(ids, "tolist") else ids`: the attribute is read only where the value has it."""
    for above in ancestors:
        test = _kind_test_of(above.test, node) if isinstance(above, (ast.IfExp, ast.If)) else None
        if test is not None and called_name(test) == "hasattr" and string_value(_kinds(test)) == attribute:
            return True
    return False


def _kind_test_of(test: ast.expr, node: ast.AST) -> ast.Call | None:
    """`test`, when it is `isinstance(x, ...)` or `hasattr(x, ...)` of the name `node` is."""
    name = node.id if isinstance(node, ast.Name) else None
    if (
        isinstance(test, ast.Call)
        and called_name(test) in ("isinstance", "hasattr")
        and test.args
        and isinstance(test.args[0], ast.Name)
        and test.args[0].id == name
    ):
        return test
    return None


def _kinds(call: ast.Call) -> ast.expr | None:
    """What a kind test tests for: `isinstance`'s classes, `hasattr`'s attribute name."""
    return call.args[1] if len(call.args) == 2 else None


def _kind_names(call: ast.Call) -> list[str | None]:
    """The classes `isinstance(x, kinds)` names (one, or a tuple of them), dotted."""
    kinds = _kinds(call)
    return [dotted_name(item) for item in (kinds.elts if isinstance(kinds, ast.Tuple) else [kinds])]


def _under_a_blind_test(load: Load) -> bool:
    """Is the load in the branch taken when a test of the value's kind passes, which a `BatchEncoding` fails
    (`ids["input_ids"] if isinstance(ids, dict) else ids`): a branch it never takes? (The other branch, `else:
    out.items()` under `if hasattr(out, "shape"):`, is where it goes.)"""
    for above, inner in zip(load.ancestors, (*load.ancestors[1:], load.node)):
        taken = (
            inner is above.body
            if isinstance(above, ast.IfExp)
            else isinstance(above, ast.If) and any(statement is inner for statement in above.body)
        )
        test = _kind_test_of(above.test, load.node) if taken else None  # type: ignore[attr-defined]
        if test is not None and not tells_a_batch_encoding(test):
            return True
    return False


def tells_a_batch_encoding(call: ast.Call) -> bool:
    """Does the kind test `call` tell a `BatchEncoding` from a list or a tensor? Not `isinstance(ids, dict)` (it is a
    `UserDict`, not a `dict`), nor `hasattr(ids, "tolist")` (a tensor's method it lacks): those send it down the
    path written for lists; nor `hasattr(ids, "to")` (a method it shares with a tensor)."""
    if called_name(call) == "isinstance":
        return not all(name in ("dict", "Dict", "typing.Dict") for name in _kind_names(call))
    if called_name(call) == "hasattr":
        attribute = string_value(_kinds(call))
        return attribute is None or attribute not in _LIST_OR_TENSOR_ATTRIBUTES | _TENSOR_AND_BATCH_ENCODING_ATTRIBUTES
    # `torch.is_tensor(ids)`: what `return_tensors="pt"` gives before transformers 5, and a `BatchEncoding` is not
    return called_name(call) == "is_tensor"


# attributes a list or a tensor of ids has and a `BatchEncoding` lacks (its `__getattr__` reads its keys only)
_LIST_OR_TENSOR_ATTRIBUTES = frozenset({"tolist", "shape", "numpy", "cpu", "detach", "dtype", "ndim", "append", "size"})
# attributes a tensor and a `BatchEncoding` both have (`BatchEncoding.to(device)`): `hasattr(ids, "to")` sends a
# `BatchEncoding` down the path written for the tensor `return_tensors="pt"` gave before transformers 5
_TENSOR_AND_BATCH_ENCODING_ATTRIBUTES = frozenset({"to", "data"})


def asserted_a_list(call: ast.Call, ancestors: tuple[ast.AST, ...]) -> bool:
    """`assert isinstance(result, list)` (or `tuple`, `(list, tuple)`): the code asserts the value is a list of ids,
    which a `BatchEncoding` is not; so does an `if` that raises on the other path (`if isinstance(result, list):
    return result` then `raise ValueError(...)`, or `if not isinstance(result, list): raise ...`)."""
    holder = ancestors[-1] if ancestors else None
    asserted = isinstance(holder, ast.Assert) and holder.test is call
    if not (asserted or _raises_unless(call, ancestors)) or called_name(call) != "isinstance":
        return False
    names = _kind_names(call)
    return bool(names) and all(name in ("list", "tuple", "List", "typing.List") for name in names)


def _raises_unless(call: ast.Call, ancestors: tuple[ast.AST, ...]) -> bool:
    """The test `call` is an `if` whose path for a false test raises: `if not test: raise ...`, `if test: ...
    else: raise ...`, or `if test: ... return ...` followed by `raise ...`."""
    holder = ancestors[-1] if ancestors else None
    if isinstance(holder, ast.UnaryOp) and isinstance(holder.op, ast.Not) and len(ancestors) > 1:
        negated = ancestors[-2]
        return isinstance(negated, ast.If) and negated.test is holder and isinstance(negated.body[0], ast.Raise)
    if not isinstance(holder, ast.If) or holder.test is not call:
        return False
    if holder.orelse:
        return isinstance(holder.orelse[0], ast.Raise)
    block = ancestors[-2] if len(ancestors) > 1 else None
    statements = next(
        (body for field in ("body", "orelse", "finalbody") if holder in (body := getattr(block, field, None) or [])), []
    )
    after = statements[statements.index(holder) + 1] if holder in statements[:-1] else None
    return isinstance(holder.body[-1], ast.Return) and isinstance(after, ast.Raise)


def _keyed(node: ast.AST, ancestors: tuple[ast.AST, ...]) -> bool:
    parent = ancestors[-1] if ancestors else None
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return string_value(parent.slice) is not None
    if isinstance(parent, ast.Attribute) and parent.value is node:
        return parent.attr in ("input_ids", "attention_mask", "keys", "items", "get")
    return isinstance(parent, ast.keyword) and parent.arg is None and parent.value is node


def _unpacked_name(ancestors: tuple[ast.AST, ...], position: int) -> str | None:
    """The name a call's result is unpacked into at `position` (`a, b = f(...)`), when the call is the whole value
    of an assignment to a tuple of names without `*`."""
    assign = ancestors[-1] if ancestors else None
    if not isinstance(assign, ast.Assign) or len(assign.targets) != 1:
        return None
    return _element_name(assign.targets[0], position)


def _element_name(target: ast.expr, position: int) -> str | None:
    """The name at `position` of a tuple of names without `*` that a value is unpacked into (an assignment's
    target, a loop's)."""
    if not isinstance(target, ast.Tuple) or len(target.elts) <= position:
        return None
    if any(isinstance(item, ast.Starred) for item in target.elts):
        return None
    name = target.elts[position]
    return name.id if isinstance(name, ast.Name) else None


def _returned_in_tuple(function: FunctionInfo) -> list[str]:
    """Returned inside a tuple: counted only where the tuple is a dataset example (a dataset class's method)."""
    cls = function.cls
    if cls is not None and "__getitem__" in cls.methods:
        return [f"returned by `{function.qualname}` inside an example of the dataset `{cls.name}`"]
    return []


def declares_ids(function: FunctionInfo) -> str:
    """The function is annotated to return ids (`-> List[int]`, `-> torch.Tensor`, `-> mx.array`)."""
    node = function.node
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return ""
    annotation = _ids_annotation(node.returns)
    return f"returned by `{function.qualname}`, which is annotated `-> {annotation}`" if annotation else ""


def _ids_annotation(annotation: ast.expr | None) -> str:
    """The annotation in words when it says ids (`List[int]`, `torch.Tensor`, `mx.array`, written plainly or as a
    string, a forward reference); "" otherwise."""
    if annotation is None:
        return ""
    written = " ".join((string_value(annotation) or code(annotation)).split())
    compact = written.replace(" ", "").lower()
    if compact in ("list[int]", "typing.list[int]", "sequence[int]", "mx.array", "torch.tensor", "np.ndarray"):
        return written
    return ""


def _sequence_use(node: ast.AST, ancestors: tuple[ast.AST, ...]) -> SequenceUse:
    """How the expression `node` is used: as a list of ids (in words), returned, assigned to a local name, or
    made an item of a dataset attribute; NO_USE otherwise."""
    parent = ancestors[-1] if ancestors else None
    if isinstance(parent, ast.Call):
        if _emptiness_test(parent, ancestors[:-1]):
            return NO_USE  # `len(out) > 0`: a `BatchEncoding` is as empty as its ids
        if asserted_a_list(parent, ancestors[:-1]):
            if isinstance(ancestors[-2] if len(ancestors) > 1 else None, ast.Assert):
                return SequenceUse(UseKind.LIST, f"`assert {_short(parent)}`, which fails for a `BatchEncoding`")
            return SequenceUse(
                UseKind.LIST, f"`{_short(parent)}`, false for a `BatchEncoding`, on whose path it raises"
            )
        # a positional argument (not `*x`, whose parent is the `ast.Starred`), not what is called
        return _argument_use(parent, node) if any(arg is node for arg in parent.args) else NO_USE
    if isinstance(parent, ast.keyword) and parent.arg is not None and _is_ids_key(parent.arg):
        # `llm.generate(prompt_token_ids=ids)`, `model(input_ids=ids)`
        return SequenceUse(UseKind.LIST, f"`{parent.arg}={_short(node)}`")
    if isinstance(parent, ast.keyword) and parent.arg == "inputs" and isinstance(ancestors[-2], ast.Call):
        # `model.generate(inputs=ids)`, or the keywords gathered for it (`dict(inputs=ids, max_new_tokens=...)`):
        # transformers' `generate` takes the tensor of ids as `inputs`
        callee = dotted_name(ancestors[-2].func) or ""
        if callee == "dict" or callee.endswith(".generate"):
            return SequenceUse(UseKind.LIST, f"`inputs={_short(node)}`, the tensor of ids `generate` takes")
    if isinstance(parent, ast.keyword) and parent.arg == "prompt" and isinstance(ancestors[-2], ast.Call):
        return SequenceUse(UseKind.PROMPT, node=ancestors[-2])  # `generate(model, tokenizer, prompt=ids)`
    if isinstance(parent, (ast.List, ast.Tuple)) and len(ancestors) > 1:
        holder = ancestors[-2]
        if isinstance(holder, ast.keyword) and holder.arg is not None and _is_ids_key(holder.arg):
            # `llm.generate(prompt_token_ids=[ids])`: a batch of id lists
            return SequenceUse(UseKind.LIST, f"`{holder.arg}={_short(parent)}`")
        rows: ast.expr = parent
        if isinstance(holder, ast.BinOp) and isinstance(holder.op, ast.Mult) and holder.left is parent:
            # `torch.tensor([ids] * group_size)`: the same row repeated
            rows, holder = holder, ancestors[-3] if len(ancestors) > 2 else holder
        if isinstance(holder, ast.Call) and holder.args and holder.args[0] is rows:
            if (dotted_name(holder.func) or "") in _ROWS_OF_IDS_CALLS:
                # `torch.tensor([ids])`, `torch.cat([prefix, ids], dim=1)`: rows of ids, joined or stacked
                return SequenceUse(UseKind.LIST, f"`{_short(holder)}`")
        if isinstance(parent, ast.Tuple) and isinstance(holder, ast.Return):
            # `return (tokens, offset)`: part of an example, or unpacked by the caller (the detail: its position)
            position = next((index for index, item in enumerate(parent.elts) if item is node), -1)
            return SequenceUse(UseKind.RETURNED_IN_TUPLE, str(position))
        if isinstance(parent, ast.Tuple) and isinstance(holder, ast.Yield):
            # `yield rid, ids, gold`: unpacked by the loops over the generator
            position = next((index for index, item in enumerate(parent.elts) if item is node), -1)
            return SequenceUse(UseKind.YIELDED_IN_TUPLE, str(position))
        return NO_USE
    if (
        isinstance(parent, ast.Attribute)
        and parent.value is node
        and parent.attr in _TENSOR_ATTRIBUTES
        and not _guarded_by_hasattr(node, parent.attr, ancestors)
    ):
        # `ids.shape[0]`, `ids.tolist()`: a tensor's attributes, which a `BatchEncoding` does not have
        shown = parent if not isinstance(ancestors[-2], ast.Call) else ancestors[-2]
        return SequenceUse(UseKind.LIST, f"`{_short(shown)}`")
    if isinstance(parent, ast.Subscript):
        if parent.value is not node:
            return NO_USE
        index = parent.slice
        if isinstance(index, ast.Slice) or _is_integer(index):
            return SequenceUse(UseKind.LIST, f"`{_short(parent)}`")
        if (
            isinstance(index, ast.Tuple)
            and index.elts
            and all(isinstance(item, ast.Slice) or _is_integer(item) for item in index.elts)
        ):
            return SequenceUse(UseKind.LIST, f"`{_short(parent)}`")  # `ids[:, 1:]`: a tensor's rows and columns
        return NO_USE
    if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Add):
        other = parent.right if parent.left is node else parent.left
        if (
            isinstance(other, (ast.List, ast.ListComp))
            or (isinstance(other, ast.BinOp) and isinstance(other.op, ast.Mult) and isinstance(other.left, ast.List))
            or _names_ids(other)
        ):
            return SequenceUse(UseKind.LIST, f"`{_short(parent)}`")
        return NO_USE
    if isinstance(parent, ast.AugAssign) and isinstance(parent.op, ast.Add) and parent.value is node:
        # `input_ids += ids`: a list extended with a `BatchEncoding` gets its keys
        return SequenceUse(UseKind.LIST, f"`{_short(parent)}`")
    if isinstance(parent, ast.Compare) and any(item is node for item in parent.comparators):
        # `image_token_id in ids` (its keys, under transformers 5); `"input_ids" in out` asks for a key
        if all(isinstance(op, (ast.In, ast.NotIn)) for op in parent.ops) and string_value(parent.left) is None:
            return SequenceUse(UseKind.LIST, f"`{_short(parent)}`")
    if isinstance(parent, ast.Compare) and len(parent.ops) == 1 and isinstance(parent.ops[0], (ast.Eq, ast.NotEq)):
        # `ids != tokenizer.pad_token_id`: an element-wise test of a tensor of ids (a `BatchEncoding` is compared
        # whole, and is simply unequal)
        other = parent.comparators[0] if parent.left is node else parent.left
        if _names_a_token_id(other):
            return SequenceUse(UseKind.LIST, f"`{_short(parent)}`")
    if isinstance(parent, ast.Compare):
        return NO_USE
    if isinstance(parent, (ast.ListComp, ast.GeneratorExp)) and parent.elt is node and len(ancestors) > 1:
        # `self.data = [render(d) for d in data]`: the renders become a dataset's items
        assign = ancestors[-2]
        if isinstance(assign, ast.Assign) and len(assign.targets) == 1:
            if isinstance(assign.targets[0], ast.Name):  # `batch = [render(c) for c in chats]`
                return SequenceUse(UseKind.BATCH_NAME, assign.targets[0].id)
            attribute = dotted_name(assign.targets[0]) or ""
            if attribute.startswith("self.") and attribute.count(".") == 1:
                return SequenceUse(UseKind.DATASET_ITEM, attribute[len("self.") :])
        if isinstance(assign, ast.Call) and any(argument is parent for argument in assign.args):
            # `left_pad([encode(c) for c in chats], pad_id)`: the list handed on whole
            return SequenceUse(UseKind.BATCH_PASSED, node=assign)
        return NO_USE
    if isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)) and parent.iter is node:
        return SequenceUse(UseKind.LIST, f"`for {_short(parent.target)} in {_short(node)}`")
    if isinstance(parent, ast.Return):
        return SequenceUse(UseKind.RETURNED)
    if (
        isinstance(parent, ast.Dict)
        and len(ancestors) > 1
        and not _is_ids_key(string_value(dict_key(parent, node)) or "")
    ):
        assign = ancestors[-2]
        if isinstance(assign, ast.Assign) and len(assign.targets) == 1 and isinstance(assign.targets[0], ast.Name):
            return SequenceUse(UseKind.MAPPED_NAME, assign.targets[0].id)  # `sides = {"chosen": ids, ...}`
    return _stored_use(node, parent)


def _names_ids(node: ast.expr) -> bool:
    """Is the expression named for token ids (`completion_ids`, `self.reply_tokens`, `enc["input_ids"]`)? What a
    render's result joined with it (`prompt_ids + completion_ids`) is taken for."""
    if isinstance(node, ast.Subscript):
        return string_value(node.slice) == "input_ids"
    name = (dotted_name(node) or "").rsplit(".", 1)[-1].lower()
    return name == "ids" or name.endswith(("_ids", "_tokens", "_token_ids")) or name in ("tokens", "token_ids")


def _names_a_token_id(node: ast.expr) -> bool:
    """`tokenizer.pad_token_id`, `eos_id`, `self.image_token_id`: one token's id (not `request_id`)."""
    name = (dotted_name(node) or "").rsplit(".", 1)[-1].lower()
    return _TOKEN_ID.fullmatch(name) is not None


_TOKEN_ID = re.compile(r"\w*token_id|(?:pad|eos|bos|unk|sep|cls|mask|image|ignore)_(?:id|idx|index)")


def _emptiness_test(call: ast.Call, ancestors: tuple[ast.AST, ...]) -> bool:
    """`len(x) > 0`, `len(x) == 0`, `len(x) >= 1`, or `len(x)` tested for truth (`if len(x):`, `x and len(x)`): is
    there anything, which a `BatchEncoding` of those ids answers alike."""
    if dotted_name(call.func) != "len" or not ancestors:
        return False
    holder = ancestors[-1]
    if isinstance(holder, (ast.If, ast.While, ast.IfExp, ast.Assert)) and holder.test is call:
        return True
    if isinstance(holder, ast.BoolOp) or (isinstance(holder, ast.UnaryOp) and isinstance(holder.op, ast.Not)):
        return True
    if not (isinstance(holder, ast.Compare) and len(holder.ops) == 1 and holder.left is call):
        return False
    bound = holder.comparators[0]
    value = bound.value if isinstance(bound, ast.Constant) else None
    op = holder.ops[0]
    return (value == 0 and isinstance(op, (ast.Gt, ast.Eq, ast.NotEq, ast.LtE))) or (
        value == 1 and isinstance(op, (ast.GtE, ast.Lt))
    )


def _argument_use(call: ast.Call, argument: ast.AST) -> SequenceUse:
    """How a call that gets the value as a positional argument uses it, when it reads it as a list of ids."""
    callee = dotted_name(call.func) or ""
    if callee in _SEQUENCE_CALLS:
        return SequenceUse(UseKind.LIST, f"`{_short(call)}`")
    if _is_model(callee) and call.args[0] is argument:
        # `model(ids)`: a model's first parameter is `input_ids`
        return SequenceUse(UseKind.LIST, f"`{_short(call)}`, which takes it as `input_ids`")
    head, _, method = callee.rpartition(".")
    if method == "generate" and _is_model(head) and call.args[0] is argument:
        # `model.generate(ids)`: transformers' `generate` takes a tensor of ids as its first parameter, `inputs`
        return SequenceUse(UseKind.LIST, f"`{_short(call)}`, which takes it as the tensor of ids `inputs`")
    func = call.func
    if isinstance(func, ast.Name):
        return SequenceUse(UseKind.PASSED, node=call)
    if not isinstance(func, ast.Attribute):
        return NO_USE
    method = func.attr
    receiver = dotted_name(func.value) or ""
    if receiver != "self" and len(call.args) > 2 and call.args[2] is argument:
        return SequenceUse(UseKind.PROMPT, node=call)  # `mlx_lm.generate(model, tokenizer, ids)`
    if method == "append" and receiver.startswith("self.") and receiver.count(".") == 1:
        return SequenceUse(UseKind.DATASET_ITEM, receiver[len("self.") :])
    if method == "extend":
        return SequenceUse(UseKind.LIST, f"`{_short(call)}`")
    if method in ("decode", "convert_ids_to_tokens") and call.args[0] is argument and _TOKENIZER.search(receiver):
        return SequenceUse(UseKind.LIST, f"`{_short(call)}`, which reads it as ids")  # `tokenizer.decode(ids)`
    if method == "append" and ("ids" in receiver.lower() or "token" in receiver.lower()):
        return SequenceUse(UseKind.LIST, f"`{_short(call)}`, a list of ids")
    if method == "append" and isinstance(func.value, ast.Name) and len(call.args) == 1:
        return SequenceUse(UseKind.APPENDED, node=call)
    return SequenceUse(UseKind.PASSED, node=call) if receiver == "self" else NO_USE


# the names of a tokenizer or processor (`tokenizer`, `self.tok`, `processor.tokenizer`)
_TOKENIZER = re.compile(r"(?:^|\.)(?:\w*tokenizer|tok|processor)$", re.IGNORECASE)


def _prompt_use(call: ast.Call) -> str:
    return f"the prompt of mlx-lm's `{_short(call)}`, which takes a text or a list of ids"


def _is_model(callee: str) -> bool:
    """`model(...)`, `self.model(...)`, `policy_model(...)`: a model called on its inputs."""
    last = callee.split(".")[-1].lower()
    return last == "model" or last.endswith("_model")


# a class of models `from_pretrained` loads: `AutoModel`, `AutoModelForSequenceClassification`, `LlamaForCausalLM`
_MODEL_CLASS = re.compile(r"(?:AutoModel|[A-Z]\w*For[A-Z])\w*")
# the calls that hand back the model they are called on (`model.to(device)`, `model.eval()`)
_MODEL_MOVES = frozenset({"to", "cuda", "eval", "half", "bfloat16", "float"})


def _loaded_model(value: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow], depth: int) -> bool:
    """Is `value` a model `from_pretrained` loads, also through a local or module name bound to it and the calls
    that move it (`rm = AutoModel.from_pretrained(path)`, then `rm = rm.to(device)`)?"""
    if depth > _MAX_CALLER_DEPTH:
        return False
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        if value.func.attr in _MODEL_MOVES:
            return _loaded_model(value.func.value, function, flows, depth + 1)
        loader = (dotted_name(value.func.value) or "").rsplit(".", 1)[-1]
        return value.func.attr == "from_pretrained" and _MODEL_CLASS.fullmatch(loader) is not None
    if not isinstance(value, ast.Name):
        return False
    bindings, outer = scope_bindings(value.id, function, flows)
    return outer is not None and any(
        binding.kind == "assign" and binding.value is not None and _loaded_model(binding.value, outer, flows, depth + 1)
        for binding in bindings
    )


def _stored_use(node: ast.AST, parent: ast.AST | None) -> SequenceUse:
    """The value assigned to a local name, or stored under a key or attribute that holds ids."""
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and parent.value is node:
        target = parent.targets[0]
        if isinstance(target, ast.Name):
            return SequenceUse(UseKind.NAME, target.id)
        key = string_value(target.slice) if isinstance(target, ast.Subscript) else None
        if isinstance(target, ast.Attribute):
            key = target.attr  # `state.input_ids = ...`, `self.prompt_token_ids = ...`
        if key is not None and _is_ids_key(key):
            return SequenceUse(UseKind.LIST, f"`{_short(target)} = ...`")
        if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            return SequenceUse(UseKind.ITEM_STORED, target=target)
        return NO_USE
    if isinstance(parent, ast.AnnAssign) and parent.value is node and isinstance(parent.target, ast.Name):
        return SequenceUse(UseKind.NAME, parent.target.id)
    if isinstance(parent, ast.Dict):
        key = string_value(dict_key(parent, node))
        if key is not None and _is_ids_key(key):
            return SequenceUse(UseKind.LIST, f"`{{{key!r}: ...}}`")
    return NO_USE


_Loop = ast.For | ast.AsyncFor | ast.comprehension


def _walked_items(load: Load) -> tuple[_Loop, str] | None:
    """The loop over the loaded list and the name its items take (`for ids in batch`)."""
    loop = load.ancestors[-1] if load.ancestors else None
    if isinstance(loop, _Loop) and loop.iter is load.node and isinstance(loop.target, ast.Name):
        return loop, loop.target.id
    return None


def _walked_values(load: Load) -> tuple[_Loop, str] | None:
    """The loop over the loaded dict's values and the name they take (`for side, ids in sides.items()`, `for ids in
    sides.values()`)."""
    if len(load.ancestors) < 3:
        return None
    method, call, loop = load.ancestors[-1], load.ancestors[-2], load.ancestors[-3]
    if not (
        isinstance(method, ast.Attribute)
        and method.attr in ("items", "values")
        and isinstance(call, ast.Call)
        and call.func is method
        and isinstance(loop, _Loop)
        and loop.iter is call
    ):
        return None
    target = loop.target
    if method.attr == "items":
        item = target.elts[1] if isinstance(target, ast.Tuple) and len(target.elts) == 2 else None
    else:
        item = target
    return (loop, item.id) if isinstance(item, ast.Name) else None


def _is_integer(node: ast.expr) -> bool:
    """`3` or `-1`: an index into a list."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) is int


def _is_ids_key(key: str) -> bool:
    lowered = key.lower()
    return lowered in _IDS_KEYS or lowered.endswith(("input_ids", "_ids"))


def _short(node: ast.AST) -> str:
    return shortened(code(node), 50)


def _looping(call: ast.Call, ancestors: tuple[ast.AST, ...]) -> ast.For | ast.AsyncFor | None:
    """The loop over the items of `call`, itself or kept by a call that hands them back (`for rid, ids, gold in
    tqdm(self._prompts(rows), total=n)`); None when no loop iterates it."""
    above = list(ancestors)
    iterable: ast.expr = call
    while above and isinstance(wrapper := above[-1], ast.Call) and _keeps_items(wrapper, iterable):
        iterable = wrapper
        above.pop()
    loop = above[-1] if above else None
    return loop if isinstance(loop, (ast.For, ast.AsyncFor)) and loop.iter is iterable else None


def _keeps_items(call: ast.Call, iterable: ast.expr) -> bool:
    """Does `call` hand back the items of `iterable`, its first argument (`tqdm(iterable)`)?"""
    return dotted_name(call.func) in SAME_ITEMS and bool(call.args) and call.args[0] is iterable


def _holds(comprehension: ast.expr, item: ast.AST) -> bool:
    """Is `item` the element of the list comprehension `comprehension`?"""
    return isinstance(comprehension, (ast.ListComp, ast.GeneratorExp)) and comprehension.elt is item
