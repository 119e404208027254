"""`--output-format json`: a JSON list of finding objects. This is an API: tools read it.

Each object is `Finding.to_json()`: `code`, `message`, `path`, `line`, `column`, `end_line` and `end_column`
(1-based; columns count characters, the end column is just after the finding), `fix` (null, or its `applicability`
"safe" or "unsafe", `description` and `edits`, each a `content` and the positions it replaces) and `notes` (a
list of strings); a finding in a notebook also has `cell`, and its lines count inside that cell. Files that could
not be checked are not in the list: they are reported on stderr.
"""

from __future__ import annotations

import json
from typing import TextIO

from chatlint.report.model import Report


def render(report: Report, stream: TextIO) -> None:
    json.dump([finding.to_json() for finding in report.findings], stream, indent=2, ensure_ascii=False)
    stream.write("\n")
