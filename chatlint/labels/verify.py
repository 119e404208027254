"""Running a target on sample conversations and checking its labels against the chat template.

This is the library entry point (``chatlint.labels.verify``); the ``chatlint labels`` command and the static
linter's ``--verify-labels`` both call it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chatlint.labels.model import MODES, ExampleResult, LabelReport, LabelsError
from chatlint.labels.samples import Sample, builtin_samples, load_samples


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
        sample: a JSON-lines file of conversations (``messages`` or ``conversations``); None uses built-in ones.
        max_examples: use at most this many conversations.
        trust_remote_code: allow the tokenizer's custom code.
        base: folder that relative paths (target file, tokenizer, sample) are resolved against, if not found
            from the current folder.

    Returns:
        A LabelReport; ``report.ok`` is True when every check passed, ``report.problems`` lists the others.

    Raises:
        LabelsError: the target, tokenizer or sample cannot be loaded or run (the message says what to do).
    """
    from chatlint.labels.alignment import align
    from chatlint.labels.batch import labels_are_shifted, remove_padding, rows_from_output, trained_mask
    from chatlint.labels.checks import CheckContext, ExampleState, expected_mask, find_problems, infer_mode
    from chatlint.labels.reference import METHOD_DESCRIPTIONS, ReferenceError, build_reference
    from chatlint.labels.targets import build_target, load_object, probe
    from chatlint.labels.tokenizer import decode_pieces, import_transformers, load_tokenizer

    if mode != "auto" and mode not in MODES:
        raise LabelsError(f"mode must be auto or one of {', '.join(MODES)}, got {mode!r}")
    import_transformers()
    tokenizer_name = (
        tokenizer if isinstance(tokenizer, str) else getattr(tokenizer, "name_or_path", type(tokenizer).__name__)
    )
    if isinstance(tokenizer, str):
        tokenizer = load_tokenizer(tokenizer, trust_remote_code=trust_remote_code, base=base)
    spec = target if isinstance(target, str) else getattr(target, "__qualname__", type(target).__name__)
    target_object = load_object(target, base=base) if isinstance(target, str) else target

    if sample is None:
        samples, builtin = builtin_samples(), True
    elif isinstance(sample, (str, Path)):
        path = Path(sample)
        if not path.exists() and base is not None and (base / path).exists():
            path = base / path
        samples, builtin = load_samples(path), False
    else:
        samples, builtin = list(sample), False
    if max_examples is not None:
        samples = samples[:max_examples]

    notes: list[str] = []
    references = []
    usable: list[Sample] = []
    for item in samples:
        try:
            references.append(build_reference(tokenizer, item.messages))
            usable.append(item)
            continue
        except ReferenceError as error:
            failure = str(error)
        if builtin and any(m["role"] == "system" for m in item.messages):
            # templates such as Gemma's refuse a system turn: probe the same conversation without it
            messages = [m for m in item.messages if m["role"] != "system"]
            try:
                references.append(build_reference(tokenizer, messages))
                usable.append(Sample(item.name, {**item.record, "messages": messages}, messages))
                notes.append(f"{item.name}: the template refuses a system turn, so it was left out")
                continue
            except ReferenceError as error:
                failure = str(error)
        notes.append(f"{item.name}: skipped, {failure}")
    if not usable:
        raise LabelsError("no conversation could be rendered with this tokenizer's chat template: " + "; ".join(notes))

    bound = build_target(target_object, tokenizer, dict(args or {}), spec)
    records = [item.record for item in usable]
    bound = probe(bound, records, spec)
    try:
        output = bound.run(records)
    except LabelsError:
        raise
    except Exception as error:
        raise LabelsError(
            f"calling target {spec!r} on {len(records)} examples raised {type(error).__name__}: {error}"
        ) from error
    rows = rows_from_output(output, bound.kind, len(records), spec)

    pad_token_id = getattr(tokenizer, "pad_token_id", None)
    unpadded = []
    for row, reference in zip(rows, references):
        unpadded.append(
            remove_padding(
                row,
                pad_token_id,
                ends_with_pads=_run_length(reversed(reference.ids), pad_token_id),
                starts_with_pads=_run_length(reference.ids, pad_token_id),
            )
        )
    shifted = labels_are_shifted(unpadded)

    bos_token_id = getattr(tokenizer, "bos_token_id", None)
    states: list[ExampleState] = []
    for index, (row, reference) in enumerate(zip(unpadded, references)):
        trained, misaligned = None, []
        if not row.length_problem:
            result = trained_mask(row.input_ids, row.labels, shifted)
            trained, misaligned = result.trained, result.misaligned
        states.append(
            ExampleState(
                index=index,
                ids=row.input_ids,
                trained=trained,
                reference=reference,
                alignment=align(row.input_ids, reference, bos_token_id),
                pieces=decode_pieces(tokenizer, row.input_ids),
                reference_pieces=decode_pieces(tokenizer, reference.ids),
                labels_shifted=shifted,
                length_problem=row.length_problem,
                length_problem_positions=row.problem_positions,
                misaligned=misaligned,
            )
        )

    mode_inferred = mode == "auto"
    if mode_inferred:
        mode, why = infer_mode(states)
        notes.insert(0, f"mode auto: {mode} ({why})")
    context = CheckContext(mode, bos_token_id, getattr(tokenizer, "bos_token", None), pad_token_id)
    problems = [problem for state in states for problem in find_problems(state, context)]

    examples = []
    for state, row, item in zip(states, unpadded, usable):
        examples.append(
            ExampleResult(
                name=item.name,
                input_ids=row.input_ids,
                labels=row.labels,
                tokens=state.pieces,
                trained=state.trained if state.trained is not None else [False] * len(row.input_ids),
                expected=expected_mask(state, mode),
                roles=state.alignment.roles,
                padding=row.padding,
                labels_shifted=shifted,
            )
        )
    method = max((r.method for r in references), key=lambda m: ["prefix", "generation-mask", "offsets"].index(m))
    paddings = sorted({row.padding for row in unpadded} - {"none"})
    notes.append(
        f"labels {'already shifted (labels[i] is token i+1)' if shifted else 'not shifted (labels[i] is token i)'}; "
        f"padding: {', '.join(paddings) or 'none'}"
    )
    notes.append(f"reference: {METHOD_DESCRIPTIONS[method]}")
    return LabelReport(
        target=spec,
        target_kind=bound.kind,
        tokenizer=str(tokenizer_name),
        mode=mode,
        mode_inferred=mode_inferred,
        method=method,
        examples=examples,
        problems=problems,
        notes=notes,
    )


def _run_length(ids: Any, token: int | None) -> int:
    """How many times ``token`` repeats at the start of ``ids``."""
    count = 0
    for value in ids:
        if token is None or value != token:
            break
        count += 1
    return count
