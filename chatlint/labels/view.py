"""Showing a LabelReport: the decoded tokens in a row, coloured by trained / masked / wrong, with problem
tokens also bracketed and numbered (readable without colour), then a verdict table; or JSON."""

from __future__ import annotations

import json
from typing import Any

from chatlint.labels.model import CHECKS, PASSED, LabelReport, Problem, Severity

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
TRAINED = "bold green"
MASKED = "grey50"
PROBLEM = "bold underline white on red"
WARNING = "bold yellow"
# runs of plain tokens longer than this are shown by their ends only
ELIDE_AFTER = 120
ELIDE_KEEP = 40


def to_json(report: LabelReport) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2)


def visible(piece: str) -> str:
    """Whitespace made visible."""
    return piece.replace(" ", "␣").replace("\t", "→").replace("\r", "␍").replace("\n", "⏎")


def render_text(report: LabelReport, console: Any) -> None:
    """The report for people. On a terminal, token rows break between tokens at its width; elsewhere (a file,
    a CI log) no line is wrapped, so a token is never split across lines."""
    from rich.rule import Rule
    from rich.text import Text

    wrap = console.width if console.is_terminal else None
    soft = wrap is None  # print whole lines: no wrapping by rich either

    title = Text()
    title.append("chatlint labels ", style="bold")
    title.append(report.target, style="bold cyan")
    title.append(f" ({report.target_kind.replace('-', ' ')}) with tokenizer ")
    title.append(report.tokenizer, style="cyan")
    console.print(title, soft_wrap=soft)
    for note in report.notes:
        console.print(Text(f"  {note}", style="dim"), soft_wrap=soft)
    plain = console.color_system is None  # no colour: mark trained runs with «»
    console.print(legend(plain), soft_wrap=soft)

    numbers: dict[int, int] = {id(problem): number for number, problem in enumerate(report.problems, start=1)}
    for index, example in enumerate(report.examples):
        problems = [p for p in report.problems if p.example == index]
        summary = f" {index + 1}. {example.name} · {len(example.input_ids)} tokens · {sum(example.trained)} trained"
        if example.padding != "none":
            summary += f" · {example.padding}-padded"
        console.print(Rule(Text(summary, style="bold"), align="left", style="grey50"))
        console.print(token_row(example, problems, numbers, plain, wrap), soft_wrap=True)
        for problem in problems:
            warning = problem.severity is Severity.WARNING
            line = Text("  ")
            line.append(
                str(numbers[id(problem)]).translate(SUPERSCRIPTS) + " ", style=WARNING if warning else "bold red"
            )
            line.append(problem.check, style=WARNING if warning else "bold red")
            line.append(f" (warning): {problem.message}" if warning else f": {problem.message}")
            console.print(line, soft_wrap=soft)
    console.print()
    _print_wide(console, verdict_table(report, numbers), soft)
    for line in summary_lines(report):
        console.print(line, soft_wrap=soft)


def verdict_table(report: LabelReport, numbers: dict[int, int]) -> Any:
    """One row per check: FAIL or warn with the first problem's gist, or pass with what was checked."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Verdict", title_justify="left", show_lines=False, expand=False)
    table.add_column("check", style="bold", no_wrap=True)
    table.add_column("result", no_wrap=True)
    table.add_column("examples", no_wrap=True)
    table.add_column("detail", overflow="fold")
    checked = f"{len(report.examples)} example{'s' if len(report.examples) != 1 else ''}"
    for check in CHECKS:
        found = [p for p in report.problems if p.check == check]
        failed = any(p.severity is Severity.FAILURE for p in found)
        if found:
            examples = sorted({p.example + 1 for p in found})
            marks = "".join(str(numbers[id(p)]).translate(SUPERSCRIPTS) for p in found[:6])
            table.add_row(
                check,
                Text(f"✗ FAIL {marks}", style="bold red") if failed else Text(f"⚠ warn {marks}", style=WARNING),
                ", ".join(map(str, examples)),
                found[0].message.split(". ")[0].rstrip("."),
            )
        elif check == "prompt-trained" and report.mode == "full":
            table.add_row(check, Text("– n/a", style="dim"), "", "mode full: the prompt may be trained")
        elif check in report.not_checked:
            table.add_row(check, Text("– n/a", style="dim"), "", Text(report.not_checked[check], style="dim"))
        else:
            table.add_row(check, Text("✓ pass", style="green"), "", Text(f"{PASSED[check]} ({checked})", style="dim"))
    return table


def summary_lines(report: LabelReport) -> list[Any]:
    """The verdict in a line, then one line per warned check: how many conversations, built-in or the user's."""
    from rich.text import Text

    lines = []
    if report.ok:
        lines.append(Text(f"✓ labels match the chat template ({report.mode})", style="bold green"))
    else:
        failures = report.failures
        count = len(failures)
        lines.append(
            Text(
                f"✗ {count} problem{'s' if count > 1 else ''} in {len({p.example for p in failures})} of "
                f"{len(report.examples)} examples: {', '.join(report.checks_failed())}",
                style="bold red",
            )
        )
    for check in report.checks_warned():
        lines.append(Text(_warning_summary(report, [p for p in report.warnings if p.check == check]), style=WARNING))
    return lines


def _warning_summary(report: LabelReport, warnings: list[Problem]) -> str:
    check = warnings[0].check
    examples = sorted({p.example for p in warnings})
    builtin = [report.examples[e].name for e in examples if report.examples[e].builtin]
    own = [e for e in examples if not report.examples[e].builtin]
    own_total = sum(1 for example in report.examples if not example.builtin)
    parts = []
    if own:
        parts.append(f"{len(own)} of your {own_total} conversations")
    if builtin:
        parts.append(f"the built-in conversation{'s' if len(builtin) > 1 else ''} {', '.join(builtin)}")
    if check == "reply-truncated":
        why = (
            "raise max_length or drop over-long examples"
            if own
            else "this says something about max_length, not about the labels"
        )
        return f"⚠ reply-truncated (warning, not a failure): truncation cut {' and '.join(parts)}; {why}"
    return f"⚠ {check} (warning, not a failure): {' and '.join(parts)}"


def _print_wide(console: Any, renderable: Any, soft: bool) -> None:
    """Print a table; off a terminal, as wide as its content needs, so no cell is folded."""
    if not soft:
        console.print(renderable)
        return
    from rich.measure import Measurement

    width = console.width
    needed = Measurement.get(console, console.options.update_width(100_000), renderable).maximum
    console.width = max(width, needed)
    try:
        console.print(renderable)
    finally:
        console.width = width


def legend(plain: bool = False) -> Any:
    from rich.text import Text

    text = Text("  legend: ", style="dim")
    text.append("«trained»" if plain else "trained", style=TRAINED)
    text.append("  ")
    text.append("masked", style=MASKED)
    text.append("  ")
    text.append("⟦problem⟧¹", style=PROBLEM)
    text.append("  ␣ space  ⏎ newline  → tab  … elided run", style="dim")
    return text


def token_row(
    example: Any, problems: list[Any], numbers: dict[int, int], plain: bool = False, width: int | None = None
) -> Any:
    """The example's tokens in a row. With a ``width``, lines break between tokens (never inside one)."""
    from rich.text import Text

    marks: dict[int, list[int]] = {}
    for problem in problems:
        for position in problem.positions:
            marks.setdefault(position, []).append(numbers[id(problem)])
    text = Text()
    count = len(example.input_ids)
    position = 0
    while position < count:
        # elide long plain runs (same trained state, no problem) in the middle
        end = position
        while end < count and end not in marks and example.trained[end] == example.trained[position]:
            end += 1
        if position not in marks and end - position > ELIDE_AFTER:
            for p in range(position, position + ELIDE_KEEP):
                _append(text, example, p, marks, plain)
            hidden = end - position - 2 * ELIDE_KEEP
            text.append(
                f" …{hidden} {'trained' if example.trained[position] else 'masked'} tokens… ",
                style="italic dim",
            )
            for p in range(end - ELIDE_KEEP, end):
                _append(text, example, p, marks, plain)
            position = end
            continue
        _append(text, example, position, marks, plain)
        position += 1
    return _break_between_tokens(text, width) if width else text


def _break_between_tokens(text: Any, width: int) -> Any:
    """``text`` with a line break before any span (a token, a marker) that would run past ``width``."""
    from rich.cells import cell_len
    from rich.text import Text

    result = Text()
    column = 0
    plain = text.plain
    for span in _spans(text):
        piece = plain[span[0] : span[1]]
        size = cell_len(piece.split("\n", 1)[0])
        if column and column + size > width:
            result.append("\n")
            column = 0
        result.append_text(text[span[0] : span[1]])
        column = cell_len(piece.rsplit("\n", 1)[-1]) if "\n" in piece else column + size
    return result


def _spans(text: Any) -> list[tuple[int, int]]:
    """The pieces ``text`` was built from (each appended token or marker), by the boundaries of its styles."""
    cuts = {0, len(text.plain)}
    for span in text.spans:
        cuts.update((span.start, span.end))
    ordered = sorted(cuts)
    return list(zip(ordered, ordered[1:]))


def _append(text: Any, example: Any, position: int, marks: dict[int, list[int]], plain: bool = False) -> None:
    raw = example.tokens[position]
    piece = visible(raw)
    # keep the conversation's layout: break the line after the last of a run of newlines, but never inside a
    # bracketed problem
    following = example.tokens[position + 1] if position + 1 < len(example.tokens) else ""
    line_break = "\n" if raw.endswith("\n") and not following.startswith("\n") else ""
    if position in marks:
        opens = position - 1 not in marks or marks[position - 1] != marks[position]
        closes = position + 1 not in marks or marks[position + 1] != marks[position]
        if opens:
            text.append("⟦", style="bold red")
        text.append(piece, style=PROBLEM)
        if closes:
            text.append("⟧" + "".join(str(n).translate(SUPERSCRIPTS) for n in marks[position]), style="bold red")
            text.append(line_break)
        return
    trained = example.trained[position]
    if plain and trained:

        def plain_trained(other: int) -> bool:
            return 0 <= other < len(example.trained) and example.trained[other] and other not in marks

        piece = ("" if plain_trained(position - 1) else "«") + piece + ("" if plain_trained(position + 1) else "»")
    text.append(piece + line_break, style=TRAINED if trained else MASKED)
