"""Showing a LabelReport: the decoded tokens in a row, coloured by trained / masked / wrong, with problem
tokens also bracketed and numbered (readable without colour), then a verdict table; or JSON."""

from __future__ import annotations

import json
from typing import Any

from chatlint.labels.model import CHECKS, LabelReport

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
TRAINED = "bold green"
MASKED = "grey50"
PROBLEM = "bold underline white on red"
# runs of plain tokens longer than this are shown by their ends only
ELIDE_AFTER = 120
ELIDE_KEEP = 40


def to_json(report: LabelReport) -> str:
    return json.dumps(report.to_json(), ensure_ascii=False, indent=2)


def visible(piece: str) -> str:
    """Whitespace made visible."""
    return piece.replace(" ", "␣").replace("\t", "→").replace("\r", "␍").replace("\n", "⏎")


def render_text(report: LabelReport, console: Any) -> None:
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    title = Text()
    title.append("chatlint labels ", style="bold")
    title.append(report.target, style="bold cyan")
    title.append(f" ({report.target_kind.replace('-', ' ')}) with tokenizer ")
    title.append(report.tokenizer, style="cyan")
    console.print(title)
    for note in report.notes:
        console.print(Text(f"  {note}", style="dim"))
    plain = console.color_system is None  # no colour: mark trained runs with «»
    console.print(legend(plain))

    numbers: dict[int, int] = {id(problem): number for number, problem in enumerate(report.problems, start=1)}
    for index, example in enumerate(report.examples):
        problems = [p for p in report.problems if p.example == index]
        summary = f" {index + 1}. {example.name} · {len(example.input_ids)} tokens · {sum(example.trained)} trained"
        if example.padding != "none":
            summary += f" · {example.padding}-padded"
        console.print(Rule(Text(summary, style="bold"), align="left", style="grey50"))
        console.print(token_row(example, problems, numbers, plain))
        for problem in problems:
            line = Text("  ")
            line.append(str(numbers[id(problem)]).translate(SUPERSCRIPTS) + " ", style="bold red")
            line.append(problem.check, style="bold red")
            line.append(f": {problem.message}")
            console.print(line)
    console.print()

    table = Table(title="Verdict", title_justify="left", show_lines=False, expand=False)
    table.add_column("check", style="bold", no_wrap=True)
    table.add_column("result", no_wrap=True)
    table.add_column("examples", no_wrap=True)
    table.add_column("detail", overflow="fold")
    for check in CHECKS:
        found = [p for p in report.problems if p.check == check]
        if found:
            examples = sorted({p.example + 1 for p in found})
            marks = "".join(str(numbers[id(p)]).translate(SUPERSCRIPTS) for p in found[:6])
            table.add_row(
                check,
                Text(f"✗ FAIL {marks}", style="bold red"),
                ", ".join(map(str, examples)),
                found[0].message.split(". ")[0].rstrip("."),
            )
        elif check == "prompt-trained" and report.mode == "full":
            table.add_row(check, Text("– n/a", style="dim"), "", "mode full: the prompt may be trained")
        else:
            table.add_row(check, Text("✓ pass", style="green"), "", Text(CHECKS[check], style="dim"))
    console.print(table)
    if report.ok:
        console.print(Text(f"✓ labels match the chat template ({report.mode})", style="bold green"))
    else:
        count = len(report.problems)
        console.print(
            Text(
                f"✗ {count} problem{'s' if count > 1 else ''} in {len({p.example for p in report.problems})} of "
                f"{len(report.examples)} examples: {', '.join(report.checks_failed())}",
                style="bold red",
            )
        )


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


def token_row(example: Any, problems: list[Any], numbers: dict[int, int], plain: bool = False) -> Any:
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
    return text


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
