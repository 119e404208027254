"""`--output-format json`: a list of finding objects. This is an API: see docs/json-format.md."""

from __future__ import annotations

import json
from typing import TextIO

from chatlint.report import Report


def render(report: Report, stream: TextIO) -> None:
    json.dump([finding.to_json() for finding in report.findings], stream, indent=2, ensure_ascii=False)
    stream.write("\n")
