"""The `rules/` folders as data: example files, the findings they expect, and the fixes they expect.

Layout of `rules/<CODE>/`:
- `flag_*.py`: code that must be flagged; each expected finding is marked on its line with
  `# expect: CODE "fragment"`, where the fragment (a Python string literal, in double or single quotes, with
  backslash escapes) is text that must appear in the finding's message: the words that name the evidence, so a
  message that starts to misdescribe the code fails. The fragment is optional (`# expect: CODE`). Several findings
  on one line are separated by `;` (or `,`): `# expect: CL001 "renders `x`"; CL002 'it is rendered by'`.
- `quiet_*.py`: code that must stay quiet: no marker, and no finding from any rule.
- `fix_*.py` with `fix_*.expected`: `--fix` on the first must give the second byte for byte. A line
  `# fix: unsafe` in the input turns on `--unsafe-fixes`.

Every example runs the rules that are on by default, plus its own folder's rule if that one is off by default
(CL100), plus any named on a `# select: CODE` line. A `# versions: trl==0.12.2; transformers<5` line gives the
dependency versions the example's project declares (as `target-versions` does), for the rules that depend on one.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "rules"
_EXPECT = re.compile(r"#\s*expect:(?P<rest>.*)$")
# one expected finding: a code, then optionally a Python string literal (the message fragment), then `;`, `,` or the end
_EXPECTATION = re.compile(
    r"""\s*(?P<code>[A-Z]+[0-9]+)(?:\s+(?P<fragment>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'))?\s*(?P<end>[;,]|$)"""
)
_VERSIONS = re.compile(r"^#\s*versions:\s*(?P<requirements>.+)$", re.M)
_SELECT = re.compile(r"#\s*select:\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)")


@dataclass(frozen=True)
class Expectation:
    """One finding a `# expect:` marker asks for: its line, its code, and text its message must contain."""

    line: int
    code: str
    fragment: str | None = None


def parse_expect(rest: str, line: int, where: str = "") -> list[Expectation]:
    """The expectations in the text after `# expect:`: `CODE ["fragment"]`, separated by `;` or `,`."""
    rest = rest.rstrip()
    found = []
    position = 0
    while True:
        match = _EXPECTATION.match(rest, position)
        if match is None:
            raise ValueError(
                f"{where}:{line}: cannot read the `# expect:` marker at {rest[position:]!r}; write "
                f'`# expect: CODE "message fragment"`, several separated by `;`'
            )
        fragment = ast.literal_eval(match.group("fragment")) if match.group("fragment") else None
        if fragment is not None and not fragment.strip():
            raise ValueError(f"{where}:{line}: an empty message fragment in the `# expect:` marker")
        found.append(Expectation(line, match.group("code"), fragment))
        position = match.end()
        if not match.group("end"):  # the end of the line; after `;` or `,` another code must follow
            return found


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
        """The (line, code) of every finding the file's markers expect."""
        return {(expectation.line, expectation.code) for expectation in self.expectations()}

    def expectations(self) -> list[Expectation]:
        """Every `# expect:` marker of the file, with its message fragments; a marker that does not parse raises."""
        found = []
        for number, line in enumerate(self.text.splitlines(), start=1):
            match = _EXPECT.search(line)
            if match:
                found.extend(parse_expect(match.group("rest"), number, self.id))
        return found

    def selected(self) -> set[str]:
        """Rule codes to run besides the default ones: the folder's own, and those on `# select:` lines."""
        codes = {self.path.parent.name}
        for match in _SELECT.finditer(self.text):
            codes.update(code.strip() for code in match.group("codes").split(","))
        return codes

    def versions(self) -> dict[str, str]:
        """The `# versions:` line as `target-versions`: library -> a version (from `==`) or a specifier."""
        from packaging.requirements import Requirement

        targets = {}
        for match in _VERSIONS.finditer(self.text):
            for item in match.group("requirements").split(";"):
                requirement = Requirement(item.strip())
                specifier = str(requirement.specifier)
                targets[requirement.name] = specifier[2:] if specifier.startswith("==") else specifier
        return targets


def rule_folders() -> list[Path]:
    return sorted(path for path in ROOT.iterdir() if path.is_dir())


def examples(prefix: str) -> list[Example]:
    return [Example(path) for folder in rule_folders() for path in sorted(folder.glob(f"{prefix}_*.py"))]
