"""Fuzz `check_text` with mutants of real training files (not a test: a script; issue 13).

Seeds are the Python files under rules/ and examples/. Each mutant deletes, duplicates or swaps random lines, or
deletes, duplicates or inserts random characters, one to four times. Every mutant is checked with every rule, in
fix mode with unsafe fixes (the most code runs that way). A crash is an exception escaping `check_text`, or a
`FileError` of kind "internal" (a rule or the analysis failed, or a fix that would not parse); each distinct one
is printed once with a mutant that shows it.

    PYTHONPATH=. python benches/fuzz_check.py [--mutants 5000] [--seed 0] [--save-to FOLDER]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

from chatlint.engine import FixMode, check_text
from chatlint.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
CHARACTERS = "()[]{}:,.=+-*'\"\\#\n \t_abcxyz0123456789@%!"


def seeds() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "rules").rglob("*.py")) + sorted((ROOT / "examples").rglob("*.py"))
    return [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")) for path in paths]


def mutate(text: str, chance: random.Random) -> str:
    for _ in range(chance.randint(1, 4)):
        lines = text.split("\n")
        operation = chance.randrange(6)
        if operation < 3 and len(lines) > 1:
            first, second = chance.randrange(len(lines)), chance.randrange(len(lines))
            if operation == 0:
                del lines[first]
            elif operation == 1:
                lines.insert(second, lines[first])
            else:
                lines[first], lines[second] = lines[second], lines[first]
            text = "\n".join(lines)
        elif text:
            where = chance.randrange(len(text))
            if operation == 3:
                text = text[:where] + text[where + chance.randint(1, 3) :]
            elif operation == 4:
                text = text[:where] + text[where : where + chance.randint(1, 8)] + text[where:]
            else:
                text = text[:where] + chance.choice(CHARACTERS) + text[where:]
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--save-to", type=Path, help="write one mutant per distinct crash here")
    arguments = parser.parse_args()
    chance = random.Random(arguments.seed)
    rules = [rule() for rule in ALL_RULES]
    fix_mode = FixMode(apply=True, unsafe=True)
    corpus = seeds()
    crashes, distinct, parsed = 0, {}, 0
    started = time.monotonic()
    for number in range(arguments.mutants):
        name, seed_text = chance.choice(corpus)
        mutant = mutate(seed_text, chance)
        try:
            result = check_text(f"mutant-{number}.py", mutant, rules, fix_mode)
        except Exception as error:  # noqa: BLE001 - counting what escapes is the point
            frame = traceback.extract_tb(error.__traceback__)[-1]
            signature = f"raised {type(error).__name__} at {Path(frame.filename).name}:{frame.lineno}"
        else:
            parsed += not result.errors
            internal = [error for error in result.errors if error.kind == "internal"]
            if not internal:
                continue
            signature = "internal: " + internal[0].reason.split(": ", 1)[0] + " " + internal[0].reason[-40:]
        crashes += 1
        if signature not in distinct:
            distinct[signature] = (name, mutant)
            print(f"crash {len(distinct)}: {signature} (mutant {number} of {name})", flush=True)
            if arguments.save_to:
                arguments.save_to.mkdir(parents=True, exist_ok=True)
                (arguments.save_to / f"crash-{len(distinct)}.py").write_text(mutant, encoding="utf-8")
    elapsed = time.monotonic() - started
    print(
        f"{arguments.mutants} mutants of {len(corpus)} seed files in {elapsed:.1f} s: {parsed} checked without "
        f"errors, {crashes} crashes ({len(distinct)} distinct)"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
