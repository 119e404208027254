"""`--output-format github`: one GitHub Actions workflow command per finding, shown as a pull-request annotation.

The format is `::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=CODE::MESSAGE`. Workflow commands are
parsed by the runner, so the message escapes `%`, CR and LF, and the properties also escape `:` and `,`.
A file that could not be checked becomes an `::error` for that file.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import TextIO

from chatlint.findings import Finding, printable_path
from chatlint.report.model import Report


def render(report: Report, stream: TextIO) -> None:
    for finding in report.findings:
        stream.write(command(finding) + "\n")
    for error in report.errors:
        label = "internal error" if error.kind == "internal" else "not checked"
        properties = {"file": repository_path(error.path), "title": f"chatlint ({label})"}
        if error.line is not None and error.cell is None:  # a notebook's cell lines are not lines of the file
            properties.update(line=str(error.line), col=str(error.column or 1))
        stream.write(_command("error", properties, error.reason) + "\n")


def command(finding: Finding) -> str:
    path = repository_path(finding.path)
    if finding.cell is not None:
        # A notebook is JSON on disk: a line inside a cell is not a line of the file, so the annotation is
        # attached to the file and the message says where in the notebook it is.
        properties = {"file": path, "title": finding.code}
        message = f"cell {finding.cell}, line {finding.line}, column {finding.column}: {finding.message}"
        return _command("error", properties, message)
    properties = {
        "file": path,
        "line": str(finding.line),
        "col": str(finding.column),
        "endLine": str(finding.end_line),
        "endColumn": str(finding.end_column),
        "title": finding.code,
    }
    return _command("error", properties, finding.message)


def repository_path(path: str) -> str:
    """GitHub matches annotations by the path from the repository root: an absolute path under the working
    folder (the workspace, in a workflow) is made relative to it."""
    path = printable_path(path)
    if not os.path.isabs(path):
        return PurePath(path).as_posix()
    try:
        return Path(path).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path


def _command(name: str, properties: dict[str, str], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
