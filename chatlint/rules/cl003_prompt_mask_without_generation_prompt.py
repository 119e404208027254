"""CL003: a prompt rendered without the generation prompt, whose length masks the labels of the full render."""

from __future__ import annotations

import ast
from collections.abc import Iterable

from chatlint.facts import ModuleFacts, ShapeKind, TemplateCall
from chatlint.facts.column_names import column_words
from chatlint.facts.hooked_masks import hooked_masks
from chatlint.facts.masking import LengthMask, length_masks, stops_before_header
from chatlint.facts.measured_columns import MeasuredPrompt, measured_prompts
from chatlint.facts.prompt_rows import PromptRow, prompt_rows
from chatlint.facts.syntax import code, shortened
from chatlint.findings import Applicability
from chatlint.rules.base import Diagnostic, NodeEdit, NodeFix, Rule
from chatlint.rules.keyword_fix import add_keyword

FLAG = "add_generation_prompt"


class PromptMaskWithoutGenerationPrompt(Rule):
    code = "CL003"
    name = "prompt-mask-without-generation-prompt"
    summary = (
        "The prompt is rendered without `add_generation_prompt=True` and its length masks the labels, or it is the "
        "`prompt` of a preference or prompt-completion row"
    )
    # a length that masks, or a row with a `prompt` key
    prefilter = ((b"apply_chat_template",), (b"len(", b".shape", b".size(", b".sum(", b'"prompt"', b"'prompt'"))
    fixable = True

    what_it_does = """
        Finds a prompt-only render (`conv[:-1]`, `example["prompt"]`, a list ending with a user turn, a conversation
        the function extends with the assistant reply elsewhere, `[*messages, {"role": "assistant", "content":
        completion}]` or `messages + [...]`, or hands as it is to a function or method that does so, of the module or
        of another one: `renderer.prompt_ids(messages)` beside `renderer.conversation_ids(messages, completion)`,
        a method of an imported class that renders the conversation it is given to ids, also one annotated to
        return a list (`self.renderer.encode(messages[:-1])` with `def encode(self, messages, add_generation_prompt=
        False) -> List[int]`),
        also through
        a helper of the module that puts messages in front of the conversation it is given and returns it:
        `with_system(conv[:-1])` returning `[system, *messages]` or `[system] + list(messages)`, also inside a
        wrapper that rebinds its parameter with it, `messages = with_system(messages, system)`; the history a helper
        of the module or of another
        module splits off: `history, reply = split_reply(conv)` returning `conv[:-1], conv[-1]`; a conversation
        another render of the function continues with a reply, `prompt_messages` beside `prompt_messages +
        completion_messages`, when the names say prompt or reply and the prompt's render takes no `**mapping`) made
        *without* `add_generation_prompt=True`, whose length is then used to mask or cut the labels of the full
        conversation: `[-100] * len(prompt_ids)`, `labels[:prompt_len] = -100`, `full_ids[len(prompt_ids):]`,
        `[-100 if i < prompt_len else t for i, t in enumerate(ids)]`, the tokens whose characters start before the
        prompt's text ends (`labels.append(-100 if start < len(prompt_text) else t)` in a loop, or a comprehension,
        over `zip(ids, enc["offset_mapping"])`),
        `full_text[len(prompt_text):]`, `return tokens, offset` for a trainer that masks the first `offset`
        tokens, or the full render's ids or text stored with the length under a name for where training starts,
        for a collator that masks the tokens before it (`{"input_ids": ids, "prompt_len": n}`, `Example(ids,
        completion_start=n)`, `{"text": text, "prompt_chars": len(prompt)}`, a dataclass of the module built with it in its `prompt_len` field). The length is followed through local names, `tokenizer(...)`, `["input_ids"]`, `.shape`, simple
        arithmetic, `typing.cast`, a conditional with a constant for the empty prefix (`render(conv[:i]) if i > 0
        else None`, `before[0].shape[0] if before is not None else 0`), one helper function that returns the render or its length (or the render at one
        place of a pair: `prompt, full = split_render(tok, conv)`), a helper that
        tokenizes it (`ids_of(tokenizer, prompt)`), a helper named for counting tokens (`token_length(tokenizer,
        prompt)`, `count_tokens(...)`), a loop over the prompt renders or the rows of their batch
        tokenization (a collator that masks `labels[i, :n]` row by row; pairs of renders taken apart with
        `zip(*pairs)` and rows zipped again: `for prompt_ids, ids in zip(prompt_rows, rows)`), a loop over a list
        of the lengths the function appends one by one (`prompt_lens.append(self._prompt_length(prompt, image))`,
        then `for i, n in enumerate(prompt_lens)` or `zip(labels, prompt_lens)`; a processor's batch of one,
        `processor(text=[prompt], images=[image])`, measured by its `.shape[1]`), and a generator that yields the length
        in a tuple to the loop that masks (`yield start, end`, then `for start, end in self._spans(turns):
        labels[start:end] = input_ids[start:end]`; so does a function that returns a list of such tuples). A span of
        the reply made of the prompt's length and the full render's counts as such a mask wherever it goes, when it is
        named for a span: appended to or assigned to a name of spans (`spans.append((len(before), len(upto)))`), or
        made of a start and an end (`(span_start, span_end)`). A loop over the positions from the prompt's length on
        that marks each token as trained masks too: labels (`for t in range(start, end): labels[t] = ids[t]`), a
        mask over the tokens (`loss_mask[t] = 1`), or the turn each token belongs to (`turn_ids[t] = turn`, -1
        for the context), as does one up to the length that masks (`labels[t] = -100`). In a loop that grows the conversation a turn per pass
        (`cumulative.append(message)`, or `messages[: i + 1]`), a length kept from the pass before (`prev_len =
        new_len` at the end of the body, or before a `continue`) is the length of the conversation before this pass's
        turn: when it starts
        the span of labels a reply's pass unmasks (`labels[prev_len:end] = ids[prev_len:end]`), the render is a prompt
        (no fix offered: the same render ends the reply of the pass before). The prompt may be a property of a row class that cuts the
        reply off (`row.prompt` returning `self.messages[:-1]`, the class of the module or imported). It may be
        read from a dataset column that a `.map()` of the module filled with the render as it is
        (`{"prompt_text": tok.apply_chat_template(conv[:-1], tokenize=False)}`), in the function a later `.map()`
        applies (a render stage, then a tokenize stage); a column whose text was changed first (a header added by
        hand) does not count.

        It also finds such a render stored as the `prompt` of a row that has `chosen` / `rejected` or `completion`
        keys, the data of trl's `DPOTrainer`, `ORPOTrainer`, `CPOTrainer`, `KTOTrainer` and of `SFTTrainer` on
        prompt-completion data: `{"prompt": tok.apply_chat_template(conv[:-1], tokenize=False), "chosen": ...}`,
        `row["prompt"] = ...` on a row that gets or has `row["chosen"]`, `dict(prompt=..., completion=...)`, and
        columns of many rows (`{"prompt": prompts, "chosen": ...}` with `prompts` a list of such renders), through
        local names and helpers of the module or of another module that return the render. There the row's key
        says it is a prompt: a render of a conversation whose end the code does not show (`comparison["context"]`)
        counts too. A `prompt` that is
        the raw messages list (conversational data, which trl renders itself with the generation prompt), a
        render with `continue_final_message=True` (a prefilled reply), a row whose completion is itself rendered
        through the chat template where the row is built (`row["chosen"] = tok.apply_chat_template(chosen[-1:],
        tokenize=False)`: it carries its own assistant header), and a row without those keys stay quiet.

        It stays quiet when the prompt render has the generation prompt (a literal `True` or a value that depends
        on the role or task), when the render is concatenated with something before it is measured (a header
        added by hand), when the same conversation is also rendered with the generation prompt in the function
        (template introspection: the header found by the difference), when the prompt render neither masks labels
        nor becomes such a row's `prompt`, and on a
        fixed base written out in the code (every message a literal) whose length cuts it off `base + messages` to
        tokenize the messages in context; and on a length that starts a span set to -100 (a user turn masked from
        where it starts, after the previous reply's end-of-turn: `labels[start:end] = -100`, also `[IGNORE] * (end -
        start)` with the fill a constant or a parameter defaulting to -100), or is taken away from another
        (`end - start`: the size of what follows it).

        A mapping spread into the render from the data (`**example.get("chat_template_kwargs", {})`) carries
        template variables, not `add_generation_prompt`: the flag is what the call (or the wrapper's default)
        says. A wrapper's default `False` counts only at a call site that passes neither the flag nor a mapping
        its caller fills (`**options`, a parameter), which may hold `add_generation_prompt=True`; so does a
        wrapper of another module that hands the template its `**kwargs`, at a call that spreads a mapping the code
        does not show (`**self.render.prompt_kwargs()`): the flag is unknown there, and nothing is reported; and so
        does a wrapper that leaves the flag out and hands the template the keywords it is given, at a call that
        spreads such a mapping (`render_conversation(tok, messages[:-1], **prompt_kwargs)`, a parameter).

        The labels may be masked by a helper handed the prompt's length: a module-level function of the module,
        or of another one, or a method called on `self` (`self._labels(input_ids, n_prompt)`), that masks the first
        labels it is given, as many as a parameter says (`def
        mask_prompt(labels, prompt_len): labels[:prompt_len] = [-100] * prompt_len`; also through a local computed
        from it, `n = min(prompt_len, len(labels))`; or labels built with their first `n` masked, `[-100] * n_prompt
        + ids[n_prompt:]`; or the labels of the tokens before a position, in characters
        or tokens: `for i, (_, end) in enumerate(offsets): if end <= boundary: labels[i] = -100`, also
        `labels.append(-100 if start < boundary else token)`). Imported ones are looked for when named for masking
        (`mask_prompt`, `ignore_prefix`, `mask_labels`).

        Across modules: a prompt rendered by a wrapper, a function or a method of another module of the project
        (an instance built in `__init__` or assigned once; also one that returns the ids of its text render tokenized
        again without special tokens, `self.fmt.encode_context(conv[:-1])`, also when it renders through another method
of its class, `self.render(messages, add_generation_prompt)`) is judged where its length masks the labels or where it
        becomes a row's `prompt`; no fix is offered there (the render is in the other file, named as a related
        place). So is an imported helper that returns the length of its render in tokens (`start =
        history_tokens(tok, messages[:i])`; or of the prompt it cuts from the conversation it is given, `n_prompt =
        prompt_token_count(tok, conversation)`) or its ids (`len(prompt_ids(tok, messages))`, also a list chosen with
        `return_dict=False`; also a method of an imported base class, `start = len(self._ids(messages[:i]))` in a
        subclass, measuring the turns of a conversation one by one, or one that returns the length itself:
        `n_prompt = self.prompt_length(messages)` with `ChatEncoder.prompt_length` rendering `messages[:-1]`), and a method of an instance a script of the
        project builds and hands
        to the class (`InstructionSet(rows, tok, template)`), also through a registry of classes
        (`TEMPLATES[name](tok)`, every value the class or a subclass of it). A builder that appends the reply only
        when a switch is on gives a prompt where the call turns the switch off (`self.conversation(row,
        include_answer=False)`). A base class of another module that drives the tokenization and leaves the
        prompt to its subclasses (`prompt_ids = self.encode(self.render_prompt(row))`, then `[-100] *
        len(prompt_ids)`, with `render_prompt` abstract there): a subclass's own `render_prompt` is judged as a
        prompt whose length masks labels, at its render (with the fix), the base's mask named as a related place.
        Render and tokenize stages in different modules: a row function of one module writes the prompt render to
        a column (`{columns.prompt_text: render(conv[:-1])}`, mapped directly or by a function that returns the
        mapped dataset), and a function of another module masks the labels by that column's token length. The
        finding is where the two meet: at the mask, when its module maps the row function itself; else at the
        call that applies the measuring function (`ds.map(encode_row)`, or `add_token_columns(ds, ...)` mapping
        it over the dataset it is given) to a dataset the render stage made, with the render and the mask as
        related places. Columns are matched by name, also through a configuration object's fields
        (`columns.prompt_text`, the same field on both sides). A data collator that reads the column from each row
        of its batch (`for i, row in enumerate(rows): n = self._token_count(row["prompt"])`, with a method of its own
        returning the token length of the text it is given) is judged at its mask when a training script of the run
        hands it a dataset whose `.map()` wrote the prompt there (a run of the collator's file alone cannot see
        which dataset it gets). A dataset loaded from files (rendered elsewhere) is not followed.
    """
    why_is_this_bad = """
        The full conversation renders the assistant turn as *header + reply* (`<|im_start|>assistant\\n` +
        reply). A prompt rendered without the generation prompt stops before that header, so masking its length
        leaves the header on the trained side: every example teaches the model to produce the assistant header
        as if it were part of its reply. The loss still falls, so nothing looks wrong. A preference trainer does
        the same with a row's `prompt`: it conditions on the prompt and scores (and, for ORPO, KTO and SFT,
        trains) what comes after it, so the header becomes part of the completion, or is missing when the
        completion is the bare reply.
    """
    example = """
        def tokenize(example, tokenizer):
            full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
            prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False)
            labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
            return {"input_ids": full_ids, "labels": labels}
    """
    use_instead = """
        def tokenize(example, tokenizer):
            full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
            prompt_ids = tokenizer.apply_chat_template(
                example["messages"][:-1], add_generation_prompt=True, return_dict=False
            )
            labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
            return {"input_ids": full_ids, "labels": labels}
    """
    fix_safety = """
        The fix adds `add_generation_prompt=True` to the prompt render (or turns a literal `False` into `True`).
        It is always **unsafe** (applied only with `--unsafe-fixes`): it changes which tokens are trained, which
        is the point, but a person should confirm the render is only used to measure the prompt (or as the
        prompt). When the render is in a helper of the module, the fix edits the helper, which other callers may
        share. There is no fix when the render goes through a wrapper or a helper of another module.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        reported: set[int] = set()
        masks = length_masks(facts) + hooked_masks(facts)
        uses: list[tuple[TemplateCall, LengthMask | PromptRow]] = [(mask.render, mask) for mask in masks]
        uses += [(row.render, row) for row in prompt_rows(facts)]
        across = measured_prompts(facts)
        # a render of this module in a column another module's function measures: judged at the render (with a fix)
        uses += [
            (
                item.render,
                LengthMask(item.render, item.function, item.node, f"{item.masks}, applied by `{_call(item)}`"),
            )
            for item in across
            if item.render is not None
        ]
        yield from (_column_diagnostic(item) for item in across if item.render is None)
        for render, use in uses:
            # the `prompt` of a preference or prompt-completion row is a prompt, whatever the code shows of its end
            as_prompt = isinstance(use, PromptRow) and render.shape.kind is ShapeKind.UNKNOWN
            if id(render.call) in reported or not _renders_prompt_without_header(render, as_prompt):
                continue
            if _compared_with_header(render, facts):
                continue
            if isinstance(use, PromptRow) and _completion_rendered(use, facts):
                continue
            reported.add(id(render.call))
            yield Diagnostic(
                node=render.call,
                message=_message(render, use),
                fix=_fix(render, use, facts),
                related=render.related + render.shape.related + (use.related if isinstance(use, LengthMask) else ()),
            )


def _column_diagnostic(item: MeasuredPrompt) -> Diagnostic:
    """A prompt of another module's render, in a dataset column, whose length masks labels: reported where the
    column meets the mask (no fix here: the render is in the other module, named as a related place)."""
    return Diagnostic(
        node=item.node,
        message=(
            f"{column_words(item.column)} holds {item.evidence}, {item.origin.describe()}, without "
            f"`add_generation_prompt=True`, and {item.masks}: the assistant header after the prompt is trained as "
            f"part of the reply"
        ),
        related=item.related,
    )


def _call(item: MeasuredPrompt) -> str:
    return shortened(code(item.node), 60)


def _renders_prompt_without_header(render: TemplateCall, as_prompt: bool = False) -> bool:
    if (render.shape.kind is not ShapeKind.PROMPT and not as_prompt) or _fixed_base(render):
        return False
    return stops_before_header(render)


def _compared_with_header(render: TemplateCall, facts: ModuleFacts) -> bool:
    """Template introspection: the same conversation is rendered in the same function with the generation prompt
    too (to find the header's tokens by the difference), so the render without it is meant to stop before it."""
    return any(
        other.function is render.function
        and other.call is not render.call
        and other.conversation_text == render.conversation_text
        and other.flag(FLAG).value is True
        for other in facts.template_calls
    )


def _completion_rendered(row: PromptRow, facts: ModuleFacts) -> bool:
    """The row's completion is itself a chat-template render made where the row is built (`row["chosen"] =
    tok.apply_chat_template(chosen[-1:], tokenize=False)`): it carries its own assistant header, so the prompt is
    meant to stop before one."""
    return any(
        other.function is row.function and other.call is not row.render.call and other.result_name in row.keys
        for other in facts.template_calls
    )


def _fixed_base(render: TemplateCall) -> bool:
    """A conversation written out whole in the code, every message's content a literal (`base = [{"role":
    "system", "content": "You are a helpful assistant."}, ...]`): not a prompt of the data but a fixed base that
    `base + messages` is rendered after, to tokenize `messages` in context by cutting the base's length off."""
    conversation = render.conversation
    if isinstance(conversation, ast.Name):
        values = render.function.assignments.get(conversation.id, [])
        conversation = values[0] if len(values) == 1 else None
    if not isinstance(conversation, ast.List) or not conversation.elts:
        return False
    return all(
        isinstance(message, ast.Dict) and all(isinstance(value, ast.Constant) for value in message.values)
        for message in conversation.elts
    )


def _message(render: TemplateCall, use: LengthMask | PromptRow) -> str:
    flag = render.flag(FLAG)
    how_set = (
        f"with `add_generation_prompt=False`{' (set by ' + flag.where + ')' if flag.where else ''}"
        if flag.present
        else "without `add_generation_prompt=True`"
    )
    via = f" through {render.via}" if render.via else ""
    where = "" if use.function is render.function else f" in {use.function.display_name}"
    if isinstance(use, PromptRow):
        rendered = render.shape.evidence or f"`{render.conversation_text or 'the prompt'}`"
        return (
            f"renders {rendered}, {how_set}{via}, and it is {use.role} {use.how}{where}: a "
            f"trainer that conditions on the prompt (trl's DPO, ORPO, CPO, KTO, prompt-completion SFT) takes the "
            f"assistant header after it as part of the completion"
        )
    return (
        f"renders {render.shape.evidence}, {how_set}{via}, and its length masks the labels at {use.how}{where}: "
        f"the assistant header after the prompt is trained as part of the reply"
    )


def _fix(render: TemplateCall, use: LengthMask | PromptRow, facts: ModuleFacts) -> NodeFix | None:
    flag = render.flag(FLAG)
    description = "Render the prompt with `add_generation_prompt=True`"
    if use.function is not render.function:
        description += f" in {render.function.display_name}, which other callers may share"
    if render.shape.grown:
        return None  # the same render ends the replies of the passes before: render the prompt on its own
    if render.through_wrapper:
        return None  # the wrapper decides which keywords reach the real call, and its default is shared
    if flag.present:
        if flag.node is None:
            return None
        where = f" (in {flag.where}, which other code may share)" if flag.where else ""
        return NodeFix(Applicability.UNSAFE, (NodeEdit(flag.node, "True"),), description + where)
    edit = add_keyword(render.call, FLAG, "True", facts.source)
    return NodeFix(Applicability.UNSAFE, (edit,), description) if edit is not None else None
