"""Running a target on sample conversations and checking its labels against the chat template.

This is the library entry point (``chatlint.labels.verify``); the ``chatlint labels`` command and the static
linter's ``--verify-labels`` both call it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chatlint.labels.alignment import align
from chatlint.labels.batch import (
    Row,
    Unpadded,
    labels_are_shifted,
    labels_on_padding,
    remove_padding,
    rows_from_output,
    trained_mask,
)
from chatlint.labels.builtins import ALIASES, BUILTINS
from chatlint.labels.checks import CheckContext, ExampleState, expected_mask, find_problems, infer_mode
from chatlint.labels.dataset_class import DatasetRun
from chatlint.labels.factory import TrainingConfig, build_factory_target, config_object, read_config, reference_template
from chatlint.labels.ids import asked_field, tokenized_records
from chatlint.labels.model import LOSS_SHIFTS, MODES, ExampleResult, LabelReport, LabelsError, Problem
from chatlint.labels.pipeline_checks import ASSISTANT_MASK_FIELDS  # noqa: F401 - importing it registers its checks
from chatlint.labels.pipeline_context import end_token_ids, fill_pipeline_context
from chatlint.labels.reference import (
    METHOD_DESCRIPTIONS,
    METHOD_ORDER,
    Reference,
    ReferenceError,
    build_reference,
    build_text_reference,
)
from chatlint.labels.samples import Sample, builtin_samples, load_samples
from chatlint.labels.targets import Target, build_target, load_object, probe
from chatlint.labels.tokenizer import decode_pieces, import_transformers, load_tokenizer
from chatlint.labels.tool_calls import renders_tool_calls, tool_call_problems_warn

# why mode auto follows the field the labels were built from, when that field says what is trained
INTENT_REASON = "the trainer trains what follows the prompt length or offset"


def verify(
    target: Any,
    tokenizer: Any,
    *,
    args: dict[str, Any] | None = None,
    mode: str = "auto",
    sample: str | Path | list[Sample] | None = None,
    max_examples: int | None = None,
    trust_remote_code: bool = False,
    base: Path | None = None,
    sample_fields: dict[str, str] | None = None,
    loss_shift: str = "model",
    config: str | Path | None = None,
) -> LabelReport:
    """Run ``target`` on sample conversations and compare its labels with what the chat template says.

    Args:
        target: ``"package.module:Name"`` or ``"path/to/file.py:Name"`` (or the object itself): a collator class
            (built with the tokenizer and ``args``), a collator instance, a batch function or a per-example
            function returning ``input_ids`` and ``labels``.
        tokenizer: a local folder or a name in the local Hugging Face cache (never downloaded), or a loaded
            tokenizer.
        args: keyword arguments for the collator class or function (``--arg KEY=VALUE``).
        mode: ``"auto"`` (infer), ``"assistant-only"``, ``"last-reply"`` or ``"full"``: what should be trained.
        sample: the user's conversations: a JSON-lines file, a parquet file or a folder saved by
            ``datasets``' ``save_to_disk`` (``messages``, ``conversations`` or conversational ``prompt`` +
            ``completion``); None uses built-in ones.
        max_examples: use at most this many conversations.
        trust_remote_code: allow the tokenizer's custom code.
        base: folder that relative paths (target file, tokenizer, sample) are resolved against, if not found
            from the current folder.
        sample_fields: which field of the sample's records holds what (``{"messages": "conversations"}``; keys
            messages, role, content, prompt, completion).
        loss_shift: ``"model"``: the labels go to a Hugging Face model's loss, which shifts them (the default);
            ``"pipeline"``: the pipeline's own loss takes them as they are (mlx-lm style).
        config: a training config file (axolotl's YAML): ``target`` is then a factory called with the tokenizer,
            the config and its ``chat_template`` dataset entry, whose result tokenizes one row; the entry's field
            names map the sample's fields and the chat template it names becomes the tokenizer's (the reference).

    Returns:
        A LabelReport; ``report.ok`` is True when every check passed, ``report.problems`` lists the others.

    Raises:
        LabelsError: the target, tokenizer or sample cannot be loaded or run (the message says what to do).
    """
    _check_choices(mode, loss_shift)
    import_transformers()  # goes offline before anything below can reach the Hub

    # load
    tokenizer_name, tokenizer = _load_tokenizer(tokenizer, trust_remote_code, base)
    training = _read_training_config(config, target, base)
    spec, target_object = _load_target(target, base)
    samples, references, notes = _prepared_samples(training, tokenizer, sample, max_examples, base, sample_fields)

    # run the target
    intents: set[str] = set()
    bound = _bind(target_object, tokenizer, training, args, spec)
    run = _run_on_samples(bound, tokenizer, spec, samples, references, notes, intents)
    samples, references, (kind, rows, bound) = run
    pad_token_id = getattr(tokenizer, "pad_token_id", None)
    unpadded = [_remove_padding(row, reference, pad_token_id) for row, reference in zip(rows, references)]
    shifted = labels_are_shifted(unpadded)

    bos_token_id = getattr(tokenizer, "bos_token_id", None)  # align
    states = _example_states(unpadded, rows, references, tokenizer, shifted, bos_token_id)

    # check
    mode_inferred = mode == "auto"
    mode = _decide_mode(mode, intents, states, notes)
    context = CheckContext(mode, bos_token_id, getattr(tokenizer, "bos_token", None), pad_token_id, _max_length(bound))
    settings = dict(args or {})
    problems, not_checked = _check(context, states, samples, bound, settings, tokenizer, loss_shift, base, notes)

    # report
    method = _reference_method(references)
    notes += [_labels_note(unpadded, shifted), f"reference: {METHOD_DESCRIPTIONS[method]}"]
    examples = [_example_result(item, state, row, mode) for item, state, row in zip(samples, states, unpadded)]
    return LabelReport(
        spec, kind, tokenizer_name, mode, mode_inferred, method, examples, problems, notes, not_checked=not_checked
    )


def _check_choices(mode: str, loss_shift: str) -> None:
    if mode != "auto" and mode not in MODES:
        raise LabelsError(f"mode must be auto or one of {', '.join(MODES)}, got {mode!r}")
    if loss_shift not in LOSS_SHIFTS:
        raise LabelsError(f"loss shift must be one of {', '.join(LOSS_SHIFTS)}, got {loss_shift!r}")


def _prepared_samples(
    training: TrainingConfig | None,
    tokenizer: Any,
    sample: str | Path | list[Sample] | None,
    max_examples: int | None,
    base: Path | None,
    sample_fields: dict[str, str] | None,
) -> tuple[list[Sample], list[Reference], list[str]]:
    """The samples (read with a training config's field names, its chat template made the tokenizer's), their
    reference renders, and notes."""
    samples = _conversations(training, sample, max_examples, base, sample_fields)
    config_notes = _use_config_template(training, tokenizer)
    samples, references, notes = _render_references(tokenizer, samples, builtin=sample is None)
    return samples, references, config_notes + notes


def _check(
    context: CheckContext,
    states: list[ExampleState],
    samples: list[Sample],
    bound: Target,
    args: dict[str, Any],
    tokenizer: Any,
    loss_shift: str,
    base: Path | None,
    notes: list[str],
) -> tuple[list[Problem], dict[str, str]]:
    """Every check on every example, and the checks that could not run here."""
    not_checked = fill_pipeline_context(context, states, bound, args, tokenizer, loss_shift, base, notes)
    problems = [problem for state in states for problem in find_problems(state, context)]
    tool_call_problems_warn(problems, samples, notes)
    return problems, not_checked


def _decide_mode(mode: str, intents: set[str], states: list[ExampleState], notes: list[str]) -> str:
    """The mode given, or under auto the one the labels' field says (a prompt length), else the inferred one."""
    if mode != "auto":
        return mode
    mode, why = (next(iter(intents)), INTENT_REASON) if len(intents) == 1 else infer_mode(states)
    notes.insert(0, f"mode auto: {mode} ({why})")
    return mode


def _load_tokenizer(tokenizer: Any, trust_remote_code: bool, base: Path | None) -> tuple[str, Any]:
    """The tokenizer's name for the report, and the tokenizer (loaded when given by name or folder)."""
    if not isinstance(tokenizer, str):
        return str(getattr(tokenizer, "name_or_path", type(tokenizer).__name__)), tokenizer
    return tokenizer, load_tokenizer(tokenizer, trust_remote_code=trust_remote_code, base=base)


def _load_target(target: Any, base: Path | None) -> tuple[str, Any]:
    """The target's name for the report, and the target object (imported when given as a spec)."""
    if not isinstance(target, str):
        return getattr(target, "__qualname__", type(target).__name__), target
    return target, load_object(target, base=base)


def _load_samples(
    sample: str | Path | list[Sample] | None,
    max_examples: int | None,
    base: Path | None,
    fields: dict[str, str] | None,
) -> list[Sample]:
    if sample is None:
        samples = builtin_samples()
    elif isinstance(sample, (str, Path)):
        path = Path(sample)
        if not path.exists() and base is not None and (base / path).exists():
            path = base / path
        samples = load_samples(path, fields, max_examples)
    else:
        samples = list(sample)
    return samples[:max_examples] if max_examples is not None else samples


def _render_references(
    tokenizer: Any, samples: list[Sample], builtin: bool
) -> tuple[list[Sample], list[Reference], list[str]]:
    """The conversations the chat template can render, their references, and notes on those it cannot."""
    usable: list[Sample] = []
    references: list[Reference] = []
    notes: list[str] = []
    for item in samples:
        if item.tool_calls and builtin and not renders_tool_calls(tokenizer, item.messages):
            notes.append(f"{item.name}: left out, the chat template does not render tool calls")
            continue
        try:
            if item.text_pair is not None:
                references.append(build_text_reference(tokenizer, *item.text_pair))
                usable.append(item)
                continue
            reference = build_reference(tokenizer, item.messages)
            if item.tool_calls and builtin and reference.method == "offsets":
                # a tool call has no text of its own to find: character offsets would guess its reply
                notes.append(f"{item.name}: left out, the template is not prefix-preserving for it")
                continue
            references.append(reference)
            usable.append(item)
            continue
        except ReferenceError as error:
            failure = str(error)
        if item.tool_calls and builtin:
            notes.append(f"{item.name}: left out, {failure}")
            continue
        if builtin and any(m["role"] == "system" for m in item.messages):
            # templates such as Gemma's refuse a system turn: probe the same conversation without it
            messages = [m for m in item.messages if m["role"] != "system"]
            try:
                references.append(build_reference(tokenizer, messages))
                usable.append(Sample(item.name, {**item.record, "messages": messages}, messages, item.builtin))
                notes.append(f"{item.name}: the template refuses a system turn, so it was left out")
                continue
            except ReferenceError as error:
                failure = str(error)
        notes.append(f"{item.name}: skipped, {failure}")
    if not usable:
        raise LabelsError("no conversation could be rendered with this tokenizer's chat template: " + "; ".join(notes))
    return usable, references, notes


def _run_on_samples(
    bound: Target,
    tokenizer: Any,
    spec: str,
    samples: list[Sample],
    references: list[Reference],
    notes: list[str],
    intents: set[str],
) -> tuple[list[Sample], list[Reference], tuple[str, list[Row], Target]]:
    """Run the target on the samples; a target that raises on the built-in tool-call conversation (a collator
    written for conversations without tools) is run again without it, and the notes say so."""
    try:
        result = _run_target(bound, tokenizer, spec, references, [s.record for s in samples], notes, intents)
        return samples, references, result
    except LabelsError as error:
        keep = [index for index, item in enumerate(samples) if not (item.builtin and item.tool_calls)]
        if len(keep) == len(samples) or not keep:
            raise
        failure = str(error)
    samples, references = [samples[i] for i in keep], [references[i] for i in keep]
    result = _run_target(bound, tokenizer, spec, references, [s.record for s in samples], notes, intents)
    short = failure if len(failure) <= 200 else failure[:197] + "..."
    notes.append(f"tool-call: left out, the target raised on it (it may not take tool calls): {short}")
    return samples, references, result


def _read_training_config(config: str | Path | None, target: Any, base: Path | None) -> TrainingConfig | None:
    if config is None:
        if isinstance(target, str) and target in ALIASES:
            raise LabelsError(f"target {target} is a factory configured by a training config: pass --config FILE.yml")
        return None
    if isinstance(target, str) and target in BUILTINS:
        raise LabelsError(f"target {target} takes its settings as --arg KEY=VALUE, not from --config")
    return read_config(config, base)


def _conversations(
    training: TrainingConfig | None,
    sample: str | Path | list[Sample] | None,
    max_examples: int | None,
    base: Path | None,
    sample_fields: dict[str, str] | None,
) -> list[Sample]:
    """The samples, read with the config's field names (``sample_fields`` win); the built-in conversations are
    written with them."""
    if training is not None:
        sample_fields = {**training.sample_fields, **(sample_fields or {})}
    samples = _load_samples(sample, max_examples, base, sample_fields)
    if sample is None and training is not None:
        samples = [_with_fields(item, sample_fields or {}) for item in samples]
    return samples


def _bind(
    target_object: Any, tokenizer: Any, training: TrainingConfig | None, args: dict[str, Any] | None, spec: str
) -> Target:
    """The target ready to run: a factory's tokenizing callable (with a config), else the target bound to the
    tokenizer and ``args``."""
    if training is not None:
        return build_factory_target(target_object, tokenizer, training, dict(args or {}), spec)
    return build_target(target_object, tokenizer, dict(args or {}), spec)


def _with_fields(item: Sample, fields: dict[str, str]) -> Sample:
    """A built-in conversation's record written with the config's field names (the pipeline reads those). A
    config that names no messages field gets both defaults: axolotl's was ``conversations`` up to 0.6 and is
    ``messages`` since."""
    role, content = fields.get("role", "role"), fields.get("content", "content")
    messages = [
        {role: m["role"], content: m["content"], **{k: v for k, v in m.items() if k not in ("role", "content")}}
        for m in item.messages
    ]
    names = [fields["messages"]] if "messages" in fields else ["messages", "conversations"]
    return Sample(item.name, {name: messages for name in names}, item.messages, item.builtin, item.tool_calls)


def _use_config_template(training: TrainingConfig | None, tokenizer: Any) -> list[str]:
    """Make the config's chat template the tokenizer's, so the reference renders what the pipeline renders."""
    if training is None:
        return []
    template, note = reference_template(training, tokenizer, config_object(training))
    if template is not None:
        tokenizer.chat_template = template
    entry = f"{training.path.name}: datasets[{training.dataset_index}] (type {training.dataset.get('type')})"
    fields = ", ".join(f"{name}={field}" for name, field in training.sample_fields.items())
    return [entry + (f", sample fields {fields}" if fields else ""), note]


def _run_target(
    bound: Target,
    tokenizer: Any,
    spec: str,
    references: list[Reference],
    records: list[Any],
    notes: list[str],
    intents: set[str],
) -> tuple[str, list[Row], Target]:
    """The kind of target (collator-class, ...), one row per record of what it returned, and the bound target.

    A target that fails on the conversations is tried again on them tokenized (``ids.tokenized_records``), with
    the mask fields it asks for: a collator that wants token ids gets them the way a trainer makes them.
    """
    if bound.kind in ("built-in", "factory"):  # they tokenize the records themselves, as their trainer does
        return _run_once(bound, spec, records, notes, intents)
    try:
        return _run_once(bound, spec, records, notes, intents)
    except LabelsError as error:
        if any(hasattr(record, "keys") and "input_ids" in record for record in records):
            raise
        first = error
    fields: list[str] = []
    while True:
        tokenized = tokenized_records(tokenizer, references, fields)
        try:
            result = _run_once(bound, spec, tokenized, notes, intents)
        except LabelsError as error:
            asked = asked_field(error.raised)
            if asked is not None and asked not in fields:
                fields.append(asked)
                continue
            raise LabelsError(
                f"{first}; with the conversations tokenized first (for a collator that wants token ids): {error}",
                raised=first.raised,
            ) from error
        notes.insert(
            0,
            "the target wants token ids: each conversation was rendered with the chat template and tokenized "
            "without special tokens first, as a trainer does" + (f", with {' and '.join(fields)}" if fields else ""),
        )
        return result


def _run_once(
    bound: Target, spec: str, records: list[Any], notes: list[str], intents: set[str]
) -> tuple[str, list[Row], Target]:
    found: list[str] = []  # notes of this run only: a failed first try leaves none
    bound = probe(bound, records, spec)
    try:
        output = bound.run(records)
    except LabelsError:
        raise
    except Exception as error:  # the user's code may raise anything: report it as a load/run failure (exit 2)
        raise LabelsError(
            f"calling target {spec!r} on {len(records)} examples raised {type(error).__name__}: {error}", raised=error
        ) from error
    reading = "example-function" if bound.per_example else bound.kind
    if isinstance(output, DatasetRun):
        found.append(output.note)
        output, reading = output.output, "example-function" if output.per_example else "batch"
    rows = rows_from_output(output, reading, len(records), spec, found, intents)
    notes.extend(found)
    return bound.kind, rows, bound


def _max_length(bound: Any) -> int | None:
    """The collator's max_length (an attribute of a collator, an argument of a function), if it has an int one."""
    value = bound.keyword_arguments.get("max_length", getattr(bound.function, "max_length", None))
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _remove_padding(row: Row, reference: Reference, pad_token_id: int | None) -> Unpadded:
    # pad tokens the template itself writes at either end (pad == EOS or BOS) are not padding
    return remove_padding(
        row,
        pad_token_id,
        ends_with_pads=_run_length(reversed(reference.ids), pad_token_id),
        starts_with_pads=_run_length(reference.ids, pad_token_id),
    )


def _example_states(
    unpadded: list[Unpadded],
    rows: list[Row],
    references: list[Reference],
    tokenizer: Any,
    shifted: bool,
    bos: int | None,
) -> list[ExampleState]:
    end_ids = end_token_ids(tokenizer, references)
    return [
        _example_state(index, row, raw, reference, tokenizer, shifted, bos, end_ids)
        for index, (row, raw, reference) in enumerate(zip(unpadded, rows, references))
    ]


def _example_state(
    index: int,
    row: Unpadded,
    raw: Row,
    reference: Reference,
    tokenizer: Any,
    shifted: bool,
    bos_token_id: int | None,
    end_ids: frozenset[int] = frozenset(),
) -> ExampleState:
    """One unpadded row, its labels read as a trained mask (unless they cannot be), aligned with its reference."""
    trained: list[bool] | None = None
    misaligned: list[int] = []
    if not row.length_problem:
        # a shifted row's label past the last token is padding-trained's to report, not a misalignment
        labels = row.labels[: len(row.input_ids) - 1] if shifted else row.labels
        result = trained_mask(row.input_ids, labels, shifted)
        trained, misaligned = result.trained, result.misaligned
    return ExampleState(
        index=index,
        ids=row.input_ids,
        trained=trained,
        reference=reference,
        alignment=align(row.input_ids, reference, bos_token_id, end_ids),
        pieces=decode_pieces(tokenizer, row.input_ids),
        reference_pieces=decode_pieces(tokenizer, reference.ids),
        labels_shifted=shifted,
        length_problem=row.length_problem,
        length_problem_positions=row.problem_positions,
        misaligned=misaligned,
        padding_labels=_padding_labels(raw, row, shifted, tokenizer),
        labels_full_length=len(row.labels) == len(row.input_ids),
        labels_from_shift_labels=raw.labels_field == "shift_labels",
        masks={
            name: mask[row.first : row.last + 1]
            for name, mask in raw.masks.items()
            if len(mask) == len(raw.input_ids) and not row.length_problem
        },
    )


def _padding_labels(raw: Row, row: Unpadded, shifted: bool, tokenizer: Any) -> list[tuple[int, str]]:
    """Trained labels whose target is padding: the unpadded position that predicts each, and the target's text
    ("" past the last token)."""
    if row.length_problem:
        return []
    found = []
    for index in labels_on_padding(raw, row, shifted):
        predicting = (index if shifted else index - 1) - row.first
        position = min(max(predicting, 0), len(row.input_ids) - 1)
        target = index + 1 if shifted else index
        text = decode_pieces(tokenizer, [raw.input_ids[target]])[0] if target < len(raw.input_ids) else ""
        found.append((position, text))
    return found


def _example_result(sample: Sample, state: ExampleState, row: Unpadded, mode: str) -> ExampleResult:
    return ExampleResult(
        name=sample.name,
        input_ids=row.input_ids,
        labels=row.labels,
        tokens=state.pieces,
        trained=state.trained if state.trained is not None else [False] * len(row.input_ids),
        expected=expected_mask(state, mode),
        roles=state.alignment.roles,
        padding=row.padding,
        labels_shifted=state.labels_shifted,
        builtin=sample.builtin,
    )


def _reference_method(references: list[Reference]) -> str:
    """The least direct method any reference needed (the report names one)."""
    return max((r.method for r in references), key=METHOD_ORDER.index)


def _labels_note(rows: list[Unpadded], shifted: bool) -> str:
    paddings = sorted({row.padding for row in rows} - {"none"})
    return (
        f"labels {'already shifted (labels[i] is token i+1)' if shifted else 'not shifted (labels[i] is token i)'}; "
        f"padding: {', '.join(paddings) or 'none'}"
    )


def _run_length(ids: Any, token: int | None) -> int:
    """How many times ``token`` repeats at the start of ``ids``."""
    count = 0
    for value in ids:
        if token is None or value != token:
            break
        count += 1
    return count
