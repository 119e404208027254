"""The `rules/` folders as data: example files, the findings they expect, and the fixes they expect.

Layout of `rules/<CODE>/`:
- `flag_*.py`: code that must be flagged; each expected finding is marked on its line with `# expect: CODE`
  (several codes: `# expect: CL001, CL002`).
- `quiet_*.py`: code that must stay quiet: no marker, and no finding from any rule.
- `fix_*.py` with `fix_*.expected`: `--fix` on the first must give the second byte for byte. A line
  `# fix: unsafe` in the input turns on `--unsafe-fixes`.

Every example runs the rules that are on by default, plus its own folder's rule if that one is off by default
(CL100), plus any named on a `# select: CODE` line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "rules"
_EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)")
_SELECT = re.compile(r"#\s*select:\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)")


@dataclass(frozen=True)
class Example:
    path: Path

    @property
    def id(self) -> str:
        return f"{self.path.parent.name}/{self.path.name}"

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def expected(self) -> set[tuple[int, str]]:
        found = set()
        for number, line in enumerate(self.text.splitlines(), start=1):
            match = _EXPECT.search(line)
            if match:
                found.update((number, code.strip()) for code in match.group("codes").split(","))
        return found

    def selected(self) -> set[str]:
        """Rule codes to run besides the default ones: the folder's own, and those on `# select:` lines."""
        codes = {self.path.parent.name}
        for match in _SELECT.finditer(self.text):
            codes.update(code.strip() for code in match.group("codes").split(","))
        return codes


def rule_folders() -> list[Path]:
    return sorted(path for path in ROOT.iterdir() if path.is_dir())


def examples(prefix: str) -> list[Example]:
    return [Example(path) for folder in rule_folders() for path in sorted(folder.glob(f"{prefix}_*.py"))]
