"""CL001: `add_generation_prompt=True` on a conversation that already ends with the assistant's reply."""

from __future__ import annotations

import ast
from collections.abc import Iterable

from chatlint.facts import ModuleFacts, ShapeKind, TemplateCall
from chatlint.facts.masking import sliced_after_a_prompt
from chatlint.facts.model import FlagSource, Route, Shape
from chatlint.facts.syntax import called_name, dotted_name, string_value
from chatlint.facts.uses import COMPARE, GENERATE, LENGTH
from chatlint.findings import Applicability, Related
from chatlint.rules.base import Diagnostic, NodeEdit, NodeFix, Rule
from chatlint.rules.context import context_of

FLAG = "add_generation_prompt"


class GenerationPromptOnFullConversation(Rule):
    code = "CL001"
    name = "generation-prompt-on-full-conversation"
    summary = "`add_generation_prompt=True` on a conversation that ends with the assistant reply, used as training data"
    prefilter = ((b"apply_chat_template",), (b"add_generation_prompt",))
    fixable = True

    what_it_does = """
        Finds `apply_chat_template(conversation, add_generation_prompt=True)` where the conversation already ends
        with the assistant's reply and the result becomes training data: in a data collator, a `Dataset`, a
        function handed to `datasets.map`, or any function that builds `labels` (also a preference pair's,
        `label_chosen` and `label_rejected`).

        The rule judges *what is rendered*, not where. It stays quiet on prompt-only renders (`conv[:-1]`,
        `conv[:i]`, `example["prompt"]`, a list ending with a user, system or tool turn, or with an assistant message
        written with an empty content and nothing else, `{"role": "assistant", "content": ""}`: a slot the template
        opens for the reply to come, where a reply of tool calls with an empty content is still a reply), on prompt renders used to
        mask labels (also a data conversation rendered under a name that says prompt whose length masks the labels,
        `prompt_ids = render(example["messages"], ...)`, then `[-100] * len(prompt_ids) + response_ids`), on values
        that depend on the role or task (`add_generation_prompt=conv[-1]["role"] !=
        "assistant"`), on template introspection (the same conversation rendered with and without the header, or
        one render of the function taken out of another: `answered.replace(asked, "")`), and on inference code
        whose result goes to `generate()`. The conversation is followed through local names, the
        `.append(...)` calls that build it (also on a list kept on the instance: `self.messages.append(...)` in the
        method that renders it), a helper of the module or of another module of the project that
        returns it (`messages = build_messages(example)`: every value it returns must agree; the other module's
        function is named as a related place; also a method of an instance of a class of another module, made by
        one of its class methods too: `TrainingDialogue.from_row(row).as_messages()`), a generator of the module
        or of another module whose items a loop renders (`for conv in store.liked_conversations():`, every value it
        yields agreeing), and an `assert conv[-1]["role"] == "assistant"` or `if
        conv[-1]["role"] != "assistant": raise ...` that says how it ends, in the function or in a function of the
        module or of another module it hands the conversation to (`prompt, reply = split_reply(conv)`); a wrapper
        that checks its own parameter so is judged inside, not at its calls. Outside training code (a scorer's
        log-probs), the message says the header is scored with the reply. It follows aliases (`render =
        tokenizer.apply_chat_template`), `functools.partial` (with its keywords, also in a mapping it spreads), renderers a factory function
        returns (a partial, or a function it defines that renders the messages it is given:
        `self.render = make_renderer(tok, add_generation_prompt=True)`, the flag bound from the factory's
        parameter), thin wrappers in the same module (and wrappers of
        them, the flag handed on by keyword or by position; a wrapper may rebuild its conversation turn by turn,
        `[{"role": ROLES[t["from"]], ...} for t in turns]`, or appending each in a loop, or put turns before it,
        `[system, *turns]`, or a system turn appended before that loop (under a test or not), but not
        drop any: the caller's last turn stays last), the method handed in as a parameter named
        `apply_chat_template`, an instance of a class of another module called as a function (`renderer(messages)`,
        its `__call__` rendering), and flags set in a parameter default, a dataclass field, a module constant, an
        attribute set in `__init__` or a `**kwargs` dict, also a parameter defaulting to `None` that the wrapper sets
        when it is not given (`if add_generation_prompt is None: add_generation_prompt = self.cfg.
        add_generation_prompt`: what a caller passes, else that value). A flag read off a configuration object
        (`add_generation_prompt=self.cfg.render.add_generation_prompt`) takes the default its class declares, when
        the code shows the class (built, or annotated: a parameter, an `__init__` parameter kept on `self`, a
        dataclass field; for a parameter of a module-level function, what every call of the module passes for it, also
through `.map(fn, fn_kwargs={"cfg": cfg})`), in the module or in another one, also through a configuration nested in another
        (`render: RenderConfig = field(default_factory=RenderConfig)`), also spread into the render as a whole
        (`**asdict(fmt)` reads `fmt.add_generation_prompt`, and so does a method named for handing the fields on,
        `**fmt.render_kwargs()`, `**fmt.to_dict()`, also into a wrapper's `**kwargs`; a method whose body returns a
        dict the code shows gives what that dict sets, literally or from a field of the class: `def
        chat_template_kwargs(self): return {"add_generation_prompt": True, ...}`), also given to a wrapper of the module or of
        another one (`render_ids(tok, messages, add_generation_prompt=cfg.teacher.add_generation_prompt)`), and a wrapper
that reads the flag off a configuration object it is given (`add_generation_prompt=template_cfg.
add_generation_prompt`, called as `render(tok, example["messages"], cfg.template)`, or with a parameter annotated
        with the class, `cfg: JudgeConfig`; an object the call builds in place or in a name,
        `ChatOptions(add_generation_prompt=False)`, gives its keyword instead). When the code does not show the
        class (`self.cfg.add_generation_prompt` with `cfg` an unannotated parameter), the default every
        configuration class of the run that declares a field of that name gives it, when they all agree and no
        command-line option of that name exists (`--add-generation-prompt`; not in a pre-commit call, which does not
        read the unimported configuration module); the
        field is a related place, and no fix is
        offered (a configuration may change it). Not when a file of the run sets that field to the other value
        (`replace(cfg.template, add_generation_prompt=False)`, `TemplateConfig(add_generation_prompt=False)`, `cfg.
        add_generation_prompt = False`): which value renders is then not known. A module whose render takes such a
        flag is summarised with what its imports declare, so that its importers get the flag too (a finding at
        their call names the line of the wrapper's render that gives it). A flag an instance keeps from a parameter of its class's
        constructor (`add_generation_prompt=self.append_header` with `self.append_header = append_header` in
        `__init__`, or a dataclass field) takes the value a construction of the class in the module passes for it,
        by position or keyword, when that differs from the default (`VisionChatCollator(processor, 1024, True)`):
        reported at that argument; also a configuration's field whose class declares the other default
        (`ConversationRenderer(tok, add_generation_prompt=cfg.add_generation_prompt)`, no fix: a configuration may
        change it), and the instance may reach a `.map()` function through `fn_kwargs`; a construction in another
        module of the run (`train.py`) is reported at the render, naming it. A method that renders with `self.<attribute>` is judged for the class of the instance
        it runs on: a subclass that sets the attribute again (`add_generation_prompt = False` in its body or its
        `__init__`) renders with its own value; one that inherits the base class's `True` is reported where the
        subclass renders, with no fix (the base class's value serves its other users).

        Mappings spread into the call (`**mapping`): a dict the code shows whole is read key by key (a name given a
        dict literal in each of several branches: a flag all of them set to one value; a module-level dict of another
        module, never changed, imported by name or read through its module: `**CHAT_TEMPLATE_KWARGS`,
        `**config.RENDER_KWARGS`, reported at the render with the dict's place, no fix). A mapping
        read from the data (`**example.get("chat_template_kwargs", {})`, `**row["chat_template_kwargs"]`, a
        local name or loop variable holding such a field of a row the function is given or walks, its key naming
        template variables; not a field of `self`, of a module-level name or of the function's own `**kwargs`, nor
        one such as `options["text_kwargs"]`, a processor's own keywords), and a configuration's field of that
        name (`**self.cfg.chat_template_kwargs`, `**args.chat_template_kwargs`), carry template variables (`tools`,
        `enable_thinking`), not `add_generation_prompt` or `tokenize`: the flags the call shows are the flags it
        renders with; so does what a method named for them returns (`**self.template_kwargs()`), unless its class
        names the flag. A dict that merges such mappings with a wrapper's own `**kwargs` (`{**self.template_kwargs(),
        **overrides}`) takes what each call fills. A wrapper's own `**kwargs` is followed to its callers in the module (the flags each call
        site passes, by keyword or in a mapping of its own; a wrapper that hands the tokenizer nothing but them,
        `tokenizer.apply_chat_template(**kw)`, takes the conversation its callers pass as `conversation=`); in a function that is not such a wrapper, a flag the
        call does not show is not assumed to be on. A flag given a parameter of a module-level function that renders
        a conversation of its own (`add_generation_prompt=add_generation_prompt` in a `.map()` function rendering
        `example["messages"]`) takes what every call of the module passes for it, also through `fn_kwargs` or a
        partial, bound to a name first or not (`fmt = partial(render_row, add_generation_prompt=cfg.
        add_generation_prompt)`, then `ds.map(fmt)`): a literal, or a configuration field's declared default; calls
        that disagree leave it unknown.

        A wrapper imported from another module of the project is followed too: the call site passes the flag.
        That module may wrap a wrapper of its own or one it imports in turn (a chain through a few modules), and a
        local wrapper may wrap the imported one. A rendering method of
        a base class imported from another module (`class SFTCollator(BaseCollator)` calling
        `self.render(example["messages"], True)`) is followed, unless the subclass defines its own method of that
        name; so is one of an instance of an imported class (`self.prompter.build_prompt(messages)` with
        `self.prompter = Prompter(tokenizer)` set in `__init__`, or a local name assigned `Prompter(...)` once).
        The other way round, a subclass overriding the hooks of an imported base class whose method trains on
        `self.render(self.conversation(record))`: the subclass's `render` is given what its own `conversation`
        returns (a conversation ending with the assistant's reply, here), and is judged with that. And a base
        class (of the module or imported) whose method hands another method what a third one builds
        (`return self.encode(self.build_conversation(row))`, `build_conversation` checking that the conversation
        ends with the assistant's reply): a subclass's `encode` is given that conversation (or what its own
        override of `build_conversation` returns).

        A conversation whose end the code does not show (what a method of an imported class returns,
        `episode.turn(k)`) holds the reply when the function keeps its render past the length of another
        conversation's render as the labels (`labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]`): what
        follows the prompt is trained. The same conversation rendered twice (template introspection) and a slice that
        is only decoded do not count.

        How a conversation ends is also read from a test that leaves the loop or the function unless it ends with a
        role (`if conv[-1]["role"] != "assistant": continue`, or `if not self.is_valid(conv): continue` with a
        predicate of the module or of an imported base class returning `conv[-1]["role"] == "assistant"`), and
        from a builder that appends the reply only when a switch is on (`self.messages(row, with_answer=True)`;
        `if solution is not None:` with the call passing no `solution`, or `None`, is off: a prompt), in the module
        or in another (its summary carries the switch); a value the caller computes (`answer = row["answer"] if
        with_answer else None`) turns it on, and the fix is then unsafe. A batch written out (`[(user, assistant)]`, `[[user,
        assistant]]`) and a tuple of messages have the end their conversations share.
        A function counts as training code when its caller in the module builds the labels: a dataset's
        generator method whose items its `__iter__` turns into `labels`. Keywords spread from `self.` attributes
        are read when the code shows the dict: a dataclass field whose default is one, or copies a module-level one
        (`field(default_factory=lambda: dict(TRAIN_KWARGS))`), and a helper that maps each turn of a conversation
        into a new list (`normalize(messages)`, one `append` per turn, no `continue`) keeps its last turn last.
    """
    why_is_this_bad = """
        The generation prompt is the header that opens the *next* assistant turn
        (`<|start_header_id|>assistant<|end_header_id|>` for Llama 3, `<|im_start|>assistant` for ChatML). Added
        after a conversation that already holds the reply, every training example ends with an empty assistant
        header that the model is trained on: it learns to follow each reply with the start of another one. The
        loss still falls, so nothing looks wrong.
    """
    example = """
        class ChatCollator:
            def __call__(self, examples):
                texts = [
                    self.tokenizer.apply_chat_template(
                        example["messages"], tokenize=False, add_generation_prompt=True
                    )
                    for example in examples
                ]
                batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
                batch["labels"] = batch["input_ids"].clone()
                return batch
    """
    use_instead = """
        class ChatCollator:
            def __call__(self, examples):
                texts = [
                    self.tokenizer.apply_chat_template(
                        example["messages"], tokenize=False, add_generation_prompt=False
                    )
                    for example in examples
                ]
                batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
                batch["labels"] = batch["input_ids"].clone()
                return batch
    """
    fix_safety = """
        The fix sets the flag to `False` where it is set. It is **safe** when the flag is a literal `True` in the
        call and the conversation is known to end with the reply (a list literal ending with an assistant turn,
        `prompt + [reply]`, or a data conversation rendered in the very function that builds `labels`).

        It is **unsafe** (applied only with `--unsafe-fixes`) when the value is set elsewhere (a parameter
        default, a dataclass field, an `__init__` attribute, a `**kwargs` dict, a `functools.partial`, or inside a
        wrapper that other callers share), or when the conversation's shape is inferred only from the context
        (a collator, dataset or `.map()` function that does not itself build `labels`), or when a helper appends
        the reply only under a test of what the call passes (`answer = row["answer"] if with_answer else None`,
        then `build_messages(question, answer)`): changing a shared value can change other call sites, and the
        other setting may need the header (`add_generation_prompt=not with_answer`), so a person should look.
        There is no fix, and the finding sits at the render instead of the dict, when the `**kwargs` dict that sets
        the flag is spread into other renders of the module too (`RENDER_KWARGS` shared with the prompts' render,
        which needs the header): this render needs a value of its own; the dict is a related place.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        reported: set[int] = set()
        for template_call in facts.template_calls:
            diagnostic = self._check_call(template_call, facts)
            if diagnostic is not None and id(diagnostic.node) not in reported:
                reported.add(id(diagnostic.node))
                yield diagnostic

    def _check_call(self, template_call: TemplateCall, facts: ModuleFacts) -> Diagnostic | None:
        flag = template_call.flag(FLAG)
        if not flag.is_true or template_call.flag("continue_final_message").is_true or template_call.deferred:
            return None
        if template_call.route is Route.HELPER:
            return None  # a helper of another module renders a conversation of its own: judged there
        shape = template_call.shape
        if shape.kind is ShapeKind.UNKNOWN and id(template_call.call) in sliced_after_a_prompt(facts):
            # (what an imported class's method returns, `traj.turn(k)`: the module trains what follows the prompt)
            shape = Shape(
                ShapeKind.FULL,
                f"`{template_call.conversation_text}`, whose part after a prompt render's length is trained",
            )
        if shape.kind not in (ShapeKind.FULL, ShapeKind.CONVERSATION):
            return None
        uses = template_call.uses
        if GENERATE in uses or (uses and uses <= {LENGTH, COMPARE}):
            return None
        if _is_introspection(template_call, facts):
            return None
        context = context_of(template_call.function, facts, template_call.ancestors)
        if context.inference:
            return None
        if shape.kind is ShapeKind.CONVERSATION and not context.training:
            return None
        if shape.kind is ShapeKind.CONVERSATION and not context.builds_labels and _is_prompt_name(template_call, facts):
            # `{"prompt": render(example["messages"], add_generation_prompt=True)}`: the data's conversation is a
            # prompt here (RL and preference prompt datasets); no labels are built to say otherwise
            return None
        if shape.kind is ShapeKind.CONVERSATION and LENGTH in uses and _is_prompt_name(template_call, facts):
            # `prompt_ids = render(example["messages"], add_generation_prompt=True)`, then `labels = [-100] *
            # len(prompt_ids) + response_ids`: the data's conversation is the prompt its length masks
            return None

        known_full = shape.kind is ShapeKind.FULL or context.builds_labels
        where = context.training or f"in {template_call.function.display_name}"
        via = f" through {template_call.via}" if template_call.via else ""
        flag_text = "`add_generation_prompt=True`" + (f" (set by {flag.where})" if flag.where else "")
        # (outside training code, a sequence that ends with the reply is one whose reply is scored: log-probs)
        after = "that is trained on" if context.training else "that is scored (or trained on) with the reply"
        message = f"renders {shape.evidence}, {where}, with {flag_text}{via}: every example ends with an empty assistant header {after}"
        fix = None
        related = template_call.related + template_call.shape.related
        if template_call.wrapper_line:
            note = f"the render inside {template_call.via}"
            related = (*related, Related(facts.path, template_call.wrapper_line, note))
        sharing = _sharing_the_flag(template_call, flag.node, facts)
        if flag.node is not None and sharing:
            # a keywords dict other renders spread too (`RENDER_KWARGS`, also the prompts'): reported at this render,
            # which needs its own value; changing the dict would change theirs
            note = f"sets `add_generation_prompt=True` here and for the renders at line {', '.join(map(str, sharing))}"
            related = (*related, Related(facts.path, flag.node.lineno, note))
            return Diagnostic(node=template_call.call, message=message, related=related)
        if flag.node is not None:
            # (not when a helper appends the reply only as the call's value says: another value may need the header)
            safe = flag.set_in_call and known_full and not shape.switched
            fix = NodeFix(
                Applicability.SAFE if safe else Applicability.UNSAFE,
                (NodeEdit(flag.node, "False"),),
                f"Set `add_generation_prompt` to `False`{' in ' + flag.where if flag.where else ''}",
            )
        return Diagnostic(node=flag.node or template_call.call, message=message, fix=fix, related=related)


# string methods that take one text out of another
_TAKE_OUT = frozenset({"replace", "removeprefix", "removesuffix"})


def _is_prompt_name(template_call: TemplateCall, facts: ModuleFacts) -> bool:
    """The render is kept as a prompt: under a name or key that says so, or under a local name the function then
    stores under such a key (`formatted = render(...)`, then `return {"prompt": formatted, ...}`); or it is made by
    a wrapper named for prompts (`prompt_tokens(tok, example["turns"])`, `encode_prompt(...)`)."""
    if _names_a_prompt(template_call.result_name):
        return True
    called = called_name(template_call.call) or ""
    if called != "apply_chat_template" and _names_a_prompt(called.removeprefix("_")):
        return True
    held = template_call.result_name
    if not held:
        return False
    stored = [
        key
        for node in facts.scope_members(template_call.function.node)
        if isinstance(node, ast.Dict)
        for key, value in zip(node.keys, node.values)
        if isinstance(value, ast.Name) and value.id == held
    ]
    return bool(stored) and all(_names_a_prompt(string_value(key) or "") for key in stored)


def _names_a_prompt(name: str) -> bool:
    name = name.lower()
    return name.startswith(("prompt", "query")) or name.endswith(("prompt", "prompts", "_query", "prompt_ids"))


def _is_introspection(template_call: TemplateCall, facts: ModuleFacts) -> bool:
    """A probe of the template: the same conversation rendered in the same function without the header, or one
    render of the function taken out of the other (`answered.replace(asked, "")`, the reply's part)."""
    others = [
        other
        for other in facts.template_calls
        if other is not template_call and other.function is template_call.function
    ]
    if any(
        other.conversation_text == template_call.conversation_text and not other.flag(FLAG).is_true for other in others
    ):
        return True
    names = {other.result_name for other in others if other.result_name}
    own = template_call.result_name
    if not own or not names:
        return False
    for node in facts.scope_members(template_call.function.node):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _TAKE_OUT
            and node.args
        ):
            pair = {dotted_name(node.func.value), dotted_name(node.args[0])}
            if own in pair and pair & names:
                return True
    return False


def _sharing_the_flag(template_call: TemplateCall, node: ast.expr | None, facts: ModuleFacts) -> list[int]:
    """The lines of the module's other renders whose `add_generation_prompt` the same expression sets (a
    module-level keywords dict spread into each: `**RENDER_KWARGS`), not counting the render inside a wrapper this
    call goes through."""
    if node is None or template_call.flag(FLAG).source is not FlagSource.KWARGS:
        return []
    return sorted(
        {
            other.call.lineno
            for other in facts.template_calls
            if other is not template_call
            and not other.deferred  # (the render inside a wrapper this call goes through is this render)
            and FLAG in other.flags
            and other.flag(FLAG).node is node
            and other.flag(FLAG).source is FlagSource.KWARGS
        }
    )
