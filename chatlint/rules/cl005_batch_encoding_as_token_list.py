"""CL005: the result of a tokenizing `apply_chat_template` used as a list of ids (a `BatchEncoding` in transformers 5)."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator

from chatlint.facts import ModuleFacts, Route, SpreadSource, TemplateCall
from chatlint.facts.calls import spread_parameter
from chatlint.facts.flags import mapping_value, spread_source
from chatlint.facts.id_uses import asserted_a_list, tells_a_batch_encoding
from chatlint.facts.model import FunctionInfo
from chatlint.facts.syntax import (
    bound_argument,
    called_name,
    code,
    dotted_name,
    passes_star_args,
    shortened,
    star_kwargs,
    subscript_key,
)
from chatlint.facts.uses import MOVES
from chatlint.findings import Applicability
from chatlint.rules.base import Diagnostic, NodeFix, Rule
from chatlint.rules.keyword_fix import add_keyword


class BatchEncodingAsTokenList(Rule):
    code = "CL005"
    name = "batch-encoding-as-token-list"
    summary = "`apply_chat_template` tokenizes without `return_dict=False`, and its result is used as a list of ids"
    prefilter = ((b"apply_chat_template",),)
    # a dataset's `__getitem__` tells whether the renders it stores are its examples
    fixable = True
    asks_versions_of = ("transformers", "mlx-lm")

    what_it_does = """
        Finds a call to `apply_chat_template` that tokenizes (no `tokenize=False`) and does not pass
        `return_dict=False`, whose result is then used as a list of token ids: `len()` of it (not a test for
        emptiness, `len(out) > 0`, which a `BatchEncoding` answers alike), a slice, an integer
        index, `+` with a list, `torch.tensor()` / `torch.LongTensor()` / `np.array()` / `mx.array()` / `list()` /
        `set()` / `sorted()` of it, a row of ids in `torch.tensor([ids])` (also repeated, `[ids] * n`) / `torch.cat([prefix, ids], dim=1)` / `torch.stack(...)` /
        `np.concatenate(...)`, an `assert isinstance(ids, list)` (which fails for a `BatchEncoding`) or an `if
        isinstance(ids, list)` whose other path raises (`if isinstance(ids, list): return ids` then `raise ValueError(...)`), a tensor's attribute read on it (`.shape`, `.size()`, `.tolist()`, `.squeeze()`, `.repeat(n, 1)`, `ids[:, 1:]`,
        ...), `zip()` / `enumerate()` over it, a `for` loop over it, `.extend()` with it or `+=` onto a list
        (`input_ids += ids`), a search for a token in it (`image_token_id in ids`; a string key, `"input_ids" in
        out`, is a dict's use), `.append()` of it into
        a list of ids, storing it under an ids key (`{"input_ids": ...}`; under another key of a local name, what the
        function does with it where it reads it back by that key: `row[PROMPT_KEY] = ...`, then `len(row[PROMPT_KEY])`,
        up to the next store there, and nothing when one read takes it by key) or passing it as one
        (`prompt_token_ids=ids`, `prompt_token_ids=[ids]`, `input_ids=ids`, `inputs=ids` to a `generate` or in the
        `dict(inputs=ids, ...)` gathered for one; a list comprehension of such results, or
        a local list they are appended to, handed on as `prompt_token_ids=batch` or as the prompts of mlx-lm's
        `batch_generate(model, tokenizer, batch)`; a dict of renders whose values a loop uses so: `for name, ids in
        sides.items(): ids[-n:]`), passing it to a model as its first
        argument (`model(ids)`, `reward_model(ids)`, or to its `generate`: `model.generate(ids)`) or to mlx-lm's `generate` / `stream_generate` as its prompt
        (`generate(model, tokenizer, prompt=ids)`, imported from `mlx_lm`, or in mlx-lm's own modules or a fork's, from
        `.generate`), or in a list to the `insert` of mlx-lm's `BatchGenerator` (`gen.insert(prompts)`), making it a dataset's example (items of a list
        `__getitem__` returns, or returned, alone or in a tuple, by a method of a dataset class), yielding it in a
        tuple that a loop of the module over the generator unpacks and uses so (`for rid, ids, gold in
        self._prompts(rows)`, also behind `tqdm(...)` or `list(...)`; a generator of another module too: `for qid,
        ids, gold in tqdm(iter_prompt_ids(tok, rows))`, reported at that loop's call), returning it
        from a function annotated `-> list[int]` / `-> torch.Tensor` / `-> mx.array` (written plainly or as a
        string), returning it from a function whose caller in the same module does one of these (also a method
        called on an instance the module builds, handed in under an unannotated parameter by every caller:
        `builder.encode(row)` with `builder = PromptBuilder(tok)`; or one a row function reads from the function it
        is defined in, where it is a parameter annotated with the class: `def make_feature_fn(builder:
        PromptBuilder)`), or passing it to a
        function of the same module (`pad(ids)`, `self._expand(ids)`, a method a base class of the module defines,
        `self.sample_from_ids(ids)` in a subclass, also run in a worker thread:
        `await loop.run_in_executor(pool, self._generate, ids)`, `asyncio.to_thread(...)`) whose parameter is annotated so
        (`input_ids: List[int]`) or does one of these in its body (unless that function reads it by key or tests
        its kind). A test a `BatchEncoding` fails as a list would does not count as written for both: it is a
        `UserDict`, not a `dict` (`ids["input_ids"] if isinstance(ids, dict) else ids` takes the list branch), an
        element-wise comparison with one token's id (`inputs != tokenizer.pad_token_id`, for an attention mask) is a
        tensor's use, so is a tokenizer's `decode(ids)` (a `BatchEncoding` becomes a dict there), and
        has no `tolist` (`ids.tolist() if hasattr(ids, "tolist") else ids`) while it has a tensor's `to` (`if
        hasattr(ids, "to"): ids = ids.to(device)` leads on to the tensor's `.shape`); `isinstance(ids, Mapping)`, `hasattr(
        ids, "input_ids")`, `isinstance(ids, list)` or `torch.is_tensor(ids)` do, and so does such a test of
        another render whose branch takes this one's ids too (`if hasattr(full, "input_ids"): full, prompt =
        full["input_ids"], prompt["input_ids"]`). Such a test covers the uses after it, not one before it (`model.
        generate(input_ids=ids)`, then `if isinstance(ids, torch.Tensor): n = ids.shape[1]`; a move to a device,
        `ids = ids.to(device)`, is no use). A wrapper of the module that
        renders text by default and tokenizes when its caller says so
        (`def _to_chat_prompt(self, messages, tokenize=False): return tok.apply_chat_template(messages,
        tokenize=tokenize)`, or one that keeps the render in a name and returns it, a return under `if
        isinstance(result, list):` aside; also one that hands its render its own `**kwargs`, `return
        tok.apply_chat_template(messages, **kw)`, or everything, the conversation too: `apply_chat_template(**kw)`
        called with `conversation=`) is judged at the calls that leave `tokenize` on and use the result so (no fix there:
        `return_dict=False` goes into the wrapper's render). Across modules: a function or method of another module
        that returns such a result (a wrapper
        `render_chat(tok, messages)`, a `ChatPrompter.build(turns)` called on an instance built or annotated as
        one, or handed as one by another module of the run, also through `functools.partial(build_pair,
        encoder=PromptEncoder(tok))`, an inherited `self.build(...)`, or a method that calls an item of a dict of
        partials of such a wrapper, `self._encode = PROMPT_ENCODERS[style]`, unless every partial binds
        `return_dict=False`; or one that spreads a mapping its callers hand it, `def encode_chat(tok, text,
        template_kwargs): return tok.apply_chat_template(msgs, tokenize=True, **template_kwargs)`, judged with what
        each caller hands: a dict it shows, or a configuration's field whose class shows its default whole,
        `chat_template_kwargs: dict = field(default_factory=lambda: {...})`, here or in another module; a
        configuration's `chat_template_kwargs` the code does not show holds template variables, a mapping of another
        kind leaves the call unjudged; in the module too: at each call of a wrapper of the conversation its caller
        passes, and at the render itself for a function that builds its own conversation, when one call hands it a
        mapping that sets neither `tokenize` nor `return_dict`) is found at the call whose result this module uses so, naming the
        render as a related place; the module that renders says nothing unless it uses the result itself, and the
        fix (in the render, which its other callers share) is not offered there. A method whose result a base class
        of another module hands to another method of the class, both left to its subclasses (`self._send(self.
        _prepare(prompt))` in `ChatClient.complete`), is followed into the subclass's method of that name. A result
        handed to a module-level function of another module whose parameter named for ids (`ids`, `prompt_ids`,
        `tokens`) it uses as a list (`fit_to_window(ids, max_context, reserve)` with `len(prompt_ids) > budget`), at
        any place (`generate_two_phase(model, tokenizer, inputs)` with `input_ids.shape[1]` inside), is
        used so there, as that module's summary says (the function is on the trail). A list of results handed
        whole to a function of the module or of another one that walks its parameter named for a batch (`batch_ids`,
        `sequences`, `encoded`) and uses each item as ids (`left_pad(encoded, pad_id)` with `for ids in batch_ids:
        len(ids)`), also a list comprehension given as the argument, is used so there. A render helper mapped over
        rows with the builtin `map` (`map(encode, rows)`, also with `encode = partial(encode_chat, tok)`) gives its
        results as the items. The result
        is followed through every local name assignment that can reach a use, and through what leaves it the same
        object: `.to(device)`, `typing.cast(...)`, and names it is moved on to (`ids = ids.to(device)`), also into a
        function defined in the one that renders, which reads the name it has when that one's body ends (a streaming
        generator using the prompt's ids). Ids a
        function returns in a tuple are followed to the callers that unpack it (`prompt_ids, ids =
        encode_pair(...)`), in the module and from another one.

        It speaks only when the project may run with transformers 5: it reads the project's declared
        requirement through chatlint's dependency resolver (`[tool.chatlint] target-versions`, a lock file, an
        `==` pin, or the ranges in `pyproject.toml` dependencies and extras, `requirements*.txt`, `setup.cfg`,
        literal lists in `setup.py`) and stays quiet when no allowed version is 5 or later (`transformers<5`,
        `transformers==4.46.3`, `target-versions = {transformers = "4.46"}`). A pin or a lock file holds what the
        project runs today, but beside a range the project declares that allows 5 (`transformers>=4.52.4` in
        `pyproject.toml`, `==4.52.4` in an exported `requirements.txt`) the range counts: an install of the project
        gets it (the message names both). It stays quiet too in a project
        that requires mlx-lm 0.30 or later (no allowed version below it), and in a release of mlx-lm 0.30 or later
        itself (its metadata names it): its tokenizers come from `mlx_lm.load`, whose `TokenizerWrapper` passes
        `return_dict=False` itself; unless the module loads a Hugging Face tokenizer of its own
        (`AutoTokenizer.from_pretrained(...)`). It stays quiet in a module that imports Unsloth (`import unsloth`,
        `from unsloth import FastLanguageModel`): under transformers 5, importing it patches
        `PreTrainedTokenizerBase.apply_chat_template` to pass `return_dict=False` when it tokenizes (read in
        unsloth-zoo 2026.7.2 and 2026.10.9, `temporary_patches/misc.py`, `patch_apply_chat_template_return_dict`,
        which `unsloth/models/_utils.py` runs at import); not when every such import sits in a `try` whose handler
        goes on without it (`except ImportError:` loading with transformers alone), where the fallback path has no
        patch. It stays quiet in a module that imports no tokenizer library (transformers, tokenizers, mlx-lm, mlx-vlm, vLLM, SGLang, trl, Unsloth) of a project whose own classes
        define `apply_chat_template` outside its tests (a tokenizer of its own, whose method returns what it likes):
        what the module calls it on may be one of those; not when each such method only raises (left to
        subclasses) or returns another `apply_chat_template`'s result without `return_dict` (a wrapper of the
        transformers tokenizer, which returns what that one returns) (a run of a few files, as pre-commit makes, reads the
        project's files a whole run would check for such a class, at most 3000). It stays quiet for a fallback in
        the `except` of a `try` that renders with `return_dict=` (`except TypeError: ids =
        tok.apply_chat_template(messages)`): only a tokenizer that refuses the keyword, one from before transformers
        returned a `BatchEncoding`, gets there. It stays quiet for an awaited call (`await self.apply_chat_template(
        messages)`): a tokenizer's method is never a coroutine, a library's is (verl's `AgentLoopBase` gives a list
        of ids). The message names the requirement
        that allows 5, or says that none was found.

        It stays quiet when the result is read by key (`ids["input_ids"]`, also on one path only, as after a
        version test: `if transformers_5(): ids = ids["input_ids"]`) or passed on as `**inputs`, and when
        `tokenize=False` or `return_dict=False` is given (or may be given, through an opaque `**kwargs`). A call
        that asks for `return_dict=True` gets a `BatchEncoding` on every transformers version: its result used as a
        list of ids (`len(prompt_ids)` after `return_dict=True`) is reported whatever the project requires, with no
        fix (the keyword is the code's own choice; the fix is to read its `["input_ids"]`).

        Mappings spread into the call (`**mapping`): a dict the code shows whole is read key by key. A mapping
        read from the data (`**example.get("chat_template_kwargs", {})`, `**row["chat_template_kwargs"]`, a
        local name or loop variable holding such a field of a row the function is given or walks, its key naming
        template variables; not a field of `self`, of a module-level name or of the function's own `**kwargs`, nor
        one such as `options["text_kwargs"]`, a processor's own keywords), and a configuration's field of that
        name (`**self.cfg.chat_template_kwargs`, `**args.chat_template_kwargs`), or a local name given only the
        parse of an option or field named for the template, else an empty dict (`template_kwargs =
        json.loads(args.chat_template_config)`, mlx-lm's command line), carry template variables (`tools`,
        `enable_thinking`), not `tokenize` or `return_dict`, so the call's own keywords decide. The function's
        own `**kwargs`, a parameter, or any other value (`**self.template_kwargs`, a dict changed with
        `.update(...)`) may carry either flag: the rule stays quiet there; unless a call of the module makes the
        function with no keywords at all (`template_chunks(prompt, None, tok)`): there its own `**kwargs` is
        empty and the render returns what its defaults give (reported with an unsafe fix: another caller may pass
        `return_dict=` in the mapping).
    """
    why_is_this_bad = """
        From transformers 5 on, `apply_chat_template` returns a `BatchEncoding` (a dict with `input_ids` and
        `attention_mask`) by default when it tokenizes; up to 4.x it returned a list of ids. Code written for 4.x
        keeps running and silently changes meaning: `len(tokenizer.apply_chat_template(prompt,
        add_generation_prompt=True))` is `2` (the number of keys), so a prompt mask built from it covers two
        tokens and the whole prompt is trained on; `ids + [eos]` and `list(ids)` give the keys, not the tokens.
        `return_tensors="pt"` results are `BatchEncoding`s in 5.x too.
    """
    example = """
        def build(example, tokenizer):
            prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True)
            input_ids = tokenizer.apply_chat_template(example["messages"])
            labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids):]
            return {"input_ids": input_ids, "labels": labels}
    """
    use_instead = """
        def build(example, tokenizer):
            prompt_ids = tokenizer.apply_chat_template(
                example["messages"][:-1], add_generation_prompt=True, return_dict=False
            )
            input_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
            labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids):]
            return {"input_ids": input_ids, "labels": labels}
    """
    fix_safety = """
        The fix adds `return_dict=False` to the call. It is **safe**: with `return_dict=False` the call returns
        the list of ids (or the tensor, with `return_tensors`) under transformers 4 and 5 alike, which is what the
        code already expects. It is **unsafe** when the call also spreads a mapping read from the data: should a
        row ever carry `return_dict` itself, the call would get the keyword twice.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        for template_call in facts.template_calls:
            diagnostic = self._check_call(template_call, facts)
            if diagnostic is not None:
                yield diagnostic

    def _check_call(self, template_call: TemplateCall, facts: ModuleFacts) -> Diagnostic | None:
        tokenize = template_call.flag("tokenize")
        if tokenize.present and tokenize.value is not True:
            return None  # `tokenize=False` gives a string; an unknown value is not judged
        asked = template_call.flag("return_dict")
        if asked.present and asked.value is True and (tokenize.value is True or not template_call.by_processor):
            return self._asked_for_a_dict(template_call, facts)
        if asked.present or template_call.flag("return_assistant_tokens_mask").present:
            return None
        call = template_call.call
        if template_call.by_processor:
            return None  # a processor's `apply_chat_template` returns text unless asked to tokenize
        if isinstance((facts.ancestors(call) or (None,))[-1], ast.Await):
            # `await self.apply_chat_template(messages)`: a library's coroutine (verl's `AgentLoopBase` gives a list
            # of ids), not a tokenizer's method, which is never awaited
            return None
        if template_call.result_name and _type_checked(template_call.result_name, template_call, facts):
            return None  # `isinstance(ids, list)`, `hasattr(out, "input_ids")`: written for both kinds of result
        left_to_defaults = _called_with_defaults(template_call, facts)
        if (template_call.may_hide_flags and left_to_defaults is None) or passes_star_args(call):
            return None  # an opaque `*args` / `**kwargs` may carry `tokenize` or `return_dict`
        if _fallback_for_old_tokenizers(template_call):
            # (in the `except` of a `try` that asks for `return_dict=`: only a tokenizer refusing it gets here)
            return None
        list_uses = facts.list_uses(template_call)
        if not list_uses:
            return None
        version_note = self._transformers_5_note()
        if version_note is None:
            return None  # the project cannot run with transformers 5: the result is a list of ids there
        if self._mlx_lm_wrapper_only() and not _loads_own_tokenizer(facts, template_call):
            return None  # mlx-lm's `TokenizerWrapper` passes `return_dict=False` itself
        if _imports_unsloth(facts):
            return None  # importing Unsloth patches every tokenizer's `apply_chat_template` back to lists
        if facts.links and facts.links.own_chat_templates:
            return None  # the project's own tokenizer classes define `apply_chat_template`: it may be one of theirs
        uses = "; ".join(list_uses[:2])
        more = f" (and {len(list_uses) - 2} more)" if len(list_uses) > 2 else ""
        via = f" through {template_call.via}" if template_call.via else ""
        via += f" ({left_to_defaults})" if left_to_defaults else ""
        message = (
            f"`{_callee(facts, template_call)}(...)`{via} tokenizes without `return_dict=False`, and its result is "
            f"used as a list of ids: {uses}{more}; from transformers 5 it is a `BatchEncoding` (a dict), so this "
            f"works on its keys or fails; {version_note}"
        )
        related = (*template_call.related, *facts.use_places(list_uses))
        handed = facts.rendered_texts.passed_on(template_call.function)
        if handed is not None and any(handed[1] in use for use in list_uses):
            related = (*related, handed[2])  # (an imported base class hands it on: that base's place is on the trail)
        if template_call.related or template_call.route is Route.WRAPPER:
            # a function of another module (or a wrapper of this one) renders: `return_dict=False` goes into its
            # render, which other callers share (the call here may not take the keyword)
            return Diagnostic(node=call, message=message, related=related)
        # (a caller elsewhere may fill the `**kwargs` with `return_dict=`, which the keyword would then repeat)
        fix = _fix(call, template_call, facts, unsafe=left_to_defaults is not None)
        return Diagnostic(node=call, message=message, fix=fix, related=related)

    def _asked_for_a_dict(self, template_call: TemplateCall, facts: ModuleFacts) -> Diagnostic | None:
        """`return_dict=True` makes the result a `BatchEncoding` on every transformers version: used as a list of
        ids, it is wrong whatever the project requires (no fix: the keyword is the code's own choice)."""
        if template_call.result_name and _type_checked(template_call.result_name, template_call, facts):
            return None
        if passes_star_args(template_call.call):
            return None
        # (only the function's own uses, written as code: a dict asked for by name and handed on or returned is read
        # by code whose annotations, `tokens: torch.Tensor`, say less than its `**tokens`)
        list_uses = [use for use in facts.list_uses(template_call) if use.startswith("`")]
        if not list_uses:
            return None
        via = f" through {template_call.via}" if template_call.via else ""
        message = (
            f"`{_callee(facts, template_call)}(...)`{via} is asked for a dict (`return_dict=True`), and its result is "
            f"used as a list of ids: {'; '.join(list_uses[:2])}; a `BatchEncoding` has two or three keys "
            "(`input_ids`, `attention_mask`), so this works on its keys or fails on every transformers version: "
            'read its `["input_ids"]`'
        )
        return Diagnostic(node=template_call.call, message=message, related=template_call.related)

    def _mlx_lm_wrapper_only(self) -> bool:
        """The project requires mlx-lm, at versions whose tokenizer wrapper always passes `return_dict=False`, or is
        such a release of mlx-lm itself."""
        from packaging.version import Version

        own = self.dependencies.own_release()
        if own is not None and own[0] == "mlx-lm":
            return own[1] >= Version(_MLX_LM_RETURNS_LISTS)
        return self.dependencies.resolve("mlx-lm").keeps_from(_MLX_LM_RETURNS_LISTS)

    def _transformers_5_note(self) -> str | None:
        """Why transformers 5 is possible for this project, in words; None when its versions exclude 5."""
        from chatlint.dependencies.resolver import VersionKind
        from chatlint.dependencies.sources import SourceKind

        resolution = self.dependencies.resolve("transformers")
        if resolution.kind is VersionKind.UNKNOWN:
            return "the project names no transformers version, so 5 is possible"
        allowing = resolution.allowing(lambda version: version.major >= 5)
        pinned = resolution.declarations[0]
        if allowing is None and pinned.kind in (SourceKind.LOCK, SourceKind.PIN):
            # a pin or a lock file holds the environment the project runs today; the range it declares is what an
            # install of it gets (open-instruct: `transformers>=4.52.4` in pyproject.toml, `==4.52.4` exported)
            ranged = self.dependencies.declared("transformers").allowing(lambda version: version.major >= 5)
            if ranged is not None:
                return f"`{ranged.text}` in {ranged.where} allows transformers 5 ({pinned.where} pins {pinned.exact})"
        if allowing is None:
            return None
        if allowing.exact is not None:
            return f"the project uses transformers {allowing.exact} ({allowing.kind.value} in {allowing.where})"
        return f"`{allowing.text}` in {allowing.where} allows transformers 5"


# mlx-lm's `TokenizerWrapper.apply_chat_template` passes `return_dict=False` to the Hugging Face tokenizer it wraps
# from 0.30.0 on (read in the `tokenizer_utils.py` of mlx-lm 0.30.0, 0.31.0 and 0.32.0; 0.21.0, 0.28.x and 0.29.1
# hand the call through as it is, and require `transformers>=4.39.3` with no upper bound): in an MLX project the
# tokenizers come from `mlx_lm.load` and return lists of ids under transformers 5 too
_MLX_LM_RETURNS_LISTS = "0.30"


def _called_with_defaults(template_call: TemplateCall, facts: ModuleFacts) -> str | None:
    """A render whose only opaque mapping is its function's own `**kwargs`, in a function that a call of the module
    makes with no keywords (`template_chunks(prompt, None, tok)`), or a mapping parameter it spreads, which a call of
    the module gives a mapping without the keywords that decide the result (`encode_chat(tok, text, {"enable_thinking":
    False})`, or template variables: see `SpreadSource`): the render runs with its defaults there. That call, in
    words; None otherwise."""
    function = template_call.function
    own = function.star_kwargs
    call = template_call.call
    parameter = spread_parameter(template_call)
    if parameter is not None:
        if any(
            other.through_wrapper and other.gives_result and other.wrapper_line == call.lineno
            for other in facts.template_calls
        ):
            return None  # (a wrapper of the conversation its callers pass: judged at each call, `calls.py`)
        return _mapping_without_result_flags(parameter, function, facts)
    if own is None or template_call.route is not Route.DIRECT or passes_star_args(call):
        return None
    for mapping, source in zip(star_kwargs(call), template_call.spreads):
        if source.may_hide_flags and not (isinstance(mapping, ast.Name) and mapping.id == own):
            return None
    for site, _, _ in facts.callers_of(function):
        if not star_kwargs(site) and not any(keyword.arg in _RESULT_FLAGS for keyword in site.keywords):
            return f"`**{own}` empty: `{function.name}` is called without keywords at line {site.lineno}"
    return None


def _mapping_without_result_flags(parameter: str, function: FunctionInfo, facts: ModuleFacts) -> str | None:
    """The first call of the module that gives the mapping parameter `parameter` of `function` a mapping without
    the keywords that decide the result, in words."""
    for site, caller, _ in facts.callers_of(function):
        given = bound_argument(site, list(function.call_params), parameter)
        if given is None:
            continue
        source = spread_source(given, caller, facts.flows)
        if source is SpreadSource.VISIBLE:
            if any(mapping_value(flag, given, caller) is not None for flag in _RESULT_FLAGS):
                continue
        elif source not in (SpreadSource.DATA, SpreadSource.CONFIG):
            continue
        shown = shortened(code(given), 40)
        return f"`{parameter}` given `{shown}` at line {site.lineno}, which sets neither `tokenize` nor `return_dict`"
    return None


# the keywords that decide what a tokenizing render returns
_RESULT_FLAGS = frozenset({"tokenize", "return_dict", "return_assistant_tokens_mask"})


def _fix(call: ast.Call, template_call: TemplateCall, facts: ModuleFacts, unsafe: bool = False) -> NodeFix | None:
    """`return_dict=False` added to the render (unsafe when its keywords come from data, a configuration or a
    caller)."""
    from_data = SpreadSource.DATA in template_call.spreads or SpreadSource.CONFIG in template_call.spreads
    edit = add_keyword(call, "return_dict", "False", facts.source)
    if edit is None:
        return None
    return NodeFix(
        Applicability.UNSAFE if from_data or unsafe else Applicability.SAFE, (edit,), "Pass `return_dict=False`"
    )


def _imports_unsloth(facts: ModuleFacts) -> bool:
    """Does the module import Unsloth (anywhere in it), whose import patches `apply_chat_template` to return lists
    under transformers 5? Not when every such import may fail and the module goes on without it (`try: from unsloth
    import FastLanguageModel`, `except ImportError:` loading with transformers alone)."""
    if not any(ref.module.split(".")[0] in _UNSLOTH for ref in facts.imports):
        return False
    optional = {id(node) for node in _optional_imports(facts.module)}
    return any(
        isinstance(node, (ast.Import, ast.ImportFrom)) and _names_unsloth(node) and id(node) not in optional
        for node in ast.walk(facts.module)
    )


_UNSLOTH = ("unsloth", "unsloth_zoo")
# what a `try` around an import catches when the module goes on without it
_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})


def _names_unsloth(node: ast.Import | ast.ImportFrom) -> bool:
    if isinstance(node, ast.ImportFrom):
        return (node.module or "").split(".")[0] in _UNSLOTH and not node.level
    return any(alias.name.split(".")[0] in _UNSLOTH for alias in node.names)


def _optional_imports(module: ast.Module) -> Iterator[ast.AST]:
    """The imports in the body of a `try` with a handler that catches a failed import (or anything) and goes on (does
    not raise)."""
    for node in ast.walk(module):
        if isinstance(node, ast.Try) and any(
            (
                handler.type is None
                or any(
                    (dotted_name(caught) or "").rsplit(".", 1)[-1] in _IMPORT_ERRORS
                    for caught in (handler.type.elts if isinstance(handler.type, ast.Tuple) else (handler.type,))
                )
            )
            and not any(isinstance(statement, ast.Raise) for statement in handler.body)
            for handler in node.handlers
        ):
            for statement in node.body:
                yield from (item for item in ast.walk(statement) if isinstance(item, (ast.Import, ast.ImportFrom)))


def _loads_own_tokenizer(facts: ModuleFacts, template_call: TemplateCall) -> bool:
    """The code around the render loads a Hugging Face tokenizer or processor itself (`AutoTokenizer.
    from_pretrained(...)`): in the render's function, at the module's top, or in a method of the render's class (a
    tokenizer loaded in another function of the module, to count tokens apart, is not the one that renders)."""
    function = template_call.function
    for call, caller, _ in facts.calls:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "from_pretrained":
            owner = (dotted_name(func.value) or "").split(".")[-1]
            near = caller is function or caller.is_module or (caller.cls is not None and caller.cls is function.cls)
            if near and ("Tokenizer" in owner or "Processor" in owner):
                return True
    return False


def _callee(facts: ModuleFacts, template_call: TemplateCall) -> str:
    return " ".join(facts.code(template_call.call.func).split())


def _type_checked(name: str, template_call: TemplateCall, facts: ModuleFacts) -> bool:
    """The function tests what kind of object `name` holds: `isinstance(name, ...)`, `hasattr(name, ...)` or
    `torch.is_tensor(name)` (not
    `assert isinstance(name, list)`, which only fails for a `BatchEncoding`, nor a test it fails as a list would:
    `isinstance(name, dict)`, `hasattr(name, "tolist")`)."""
    names = _moved_copies(name, template_call.function)
    first_use: tuple[int, int] | None = None  # (read at the first kind test)
    for node in facts.scope_members(template_call.function.node):
        if isinstance(node, ast.Call) and called_name(node) in _KIND_TESTS and node.args:
            if isinstance(node.args[0], ast.Name) and node.args[0].id in names and tells_a_batch_encoding(node):
                first_use = first_use or _first_use(names, template_call, facts)
                if first_use < (node.args[0].lineno, node.args[0].col_offset):
                    continue
                if not asserted_a_list(node, facts.ancestors(node)):
                    return True
        if isinstance(node, ast.If) and _kind_test(node.test) and _takes_the_ids_of(node.body, names):
            return True  # `if hasattr(full, "input_ids"): full, prompt = full["input_ids"], prompt["input_ids"]`
    return False


_KIND_TESTS = ("isinstance", "hasattr", "is_tensor")


def _first_use(names: set[str], template_call: TemplateCall, facts: ModuleFacts) -> tuple[int, int]:
    """Where the function first uses the render's result after it (a line and column; far away when it does not):
    a kind test after a use is not written for both (`model.generate(input_ids=ids)`, then `if isinstance(ids,
    torch.Tensor): n = ids.shape[1]`). Moving the value to a device, or testing its kind, is no use."""
    render = (template_call.call.lineno, template_call.call.col_offset)
    used = (
        (node.lineno, node.col_offset)
        for node in facts.scope_members(template_call.function.node)
        if isinstance(node, ast.Name)
        and node.id in names
        and isinstance(node.ctx, ast.Load)
        and (node.lineno, node.col_offset) > render
        and not _moved_on(node, facts)
    )
    return min(used, default=(1 << 62, 0))


def _moved_on(node: ast.Name, facts: ModuleFacts) -> bool:
    """Is the load only moving the value to a device (`ids.to(device)`), or itself a test of its kind?"""
    ancestors = facts.ancestors(node)
    parent = ancestors[-1] if ancestors else None
    if isinstance(parent, ast.Attribute) and parent.attr in MOVES:
        return True
    return isinstance(parent, ast.Call) and called_name(parent) in _KIND_TESTS


def _kind_test(test: ast.expr) -> bool:
    """`hasattr(x, "input_ids")`, `isinstance(x, BatchEncoding)`: a test that tells a `BatchEncoding` apart."""
    return isinstance(test, ast.Call) and called_name(test) in _KIND_TESTS and tells_a_batch_encoding(test)


def _takes_the_ids_of(body: list[ast.stmt], names: set[str]) -> bool:
    """Does the body rebind one of `names` to its ids (`prompt = prompt["input_ids"]`, also in a tuple)?"""
    for statement in body:
        if not isinstance(statement, ast.Assign):
            continue
        targets = [item for target in statement.targets for item in ast.walk(target) if isinstance(item, ast.Name)]
        values = list(ast.walk(statement.value))
        for target in targets:
            if target.id in names and any(
                isinstance(value, ast.Subscript)
                and isinstance(value.value, ast.Name)
                and value.value.id == target.id
                and subscript_key(value) == "input_ids"
                for value in values
            ):
                return True
    return False


def _moved_copies(name: str, function: FunctionInfo) -> set[str]:
    """`name` and the local names the function assigns it moved to a device (`inputs = encoded.to(device)`, once):
    the same value, whose kind a test of either tells."""
    names = {name}
    for _ in range(3):
        grown = {
            other
            for other, values in function.assignments.items()
            if len(values) == 1
            and isinstance(values[0], ast.Call)
            and isinstance(values[0].func, ast.Attribute)
            and values[0].func.attr in MOVES
            and isinstance(values[0].func.value, ast.Name)
            and values[0].func.value.id in names
        }
        if grown <= names:
            break
        names |= grown
    return names


def _fallback_for_old_tokenizers(template_call: TemplateCall) -> bool:
    """The render is in an `except` handler of a `try` whose body renders with `return_dict=` (`try:
    tok.apply_chat_template(messages, return_dict=True) except TypeError: ids = tok.apply_chat_template(messages)`):
    only a tokenizer that refuses the keyword gets there, one from before transformers returned a `BatchEncoding`."""
    ancestors = template_call.ancestors
    for index, node in enumerate(ancestors[:-1]):
        handler = ancestors[index + 1]
        if isinstance(node, ast.Try) and isinstance(handler, ast.ExceptHandler) and handler in node.handlers:
            if any(
                isinstance(inner, ast.Call)
                and called_name(inner) == "apply_chat_template"
                and any(item.arg == "return_dict" for item in inner.keywords)
                for statement in node.body
                for inner in ast.walk(statement)
            ):
                return True
    return False
