"""Which newer Python a file needs, when the Python running chatlint cannot parse it.

chatlint reads code with the `ast` of the Python it runs on, which knows only that version's grammar (a `type`
statement needs 3.12). A file that needs a newer Python gets one line naming the version, not a bare syntax error.
"""

from __future__ import annotations

import sys


def newer_python_needed(text: str) -> str | None:
    """The first Python version newer than the running one whose grammar accepts `text`, or None. libcst knows the
    grammars of later versions; it is imported only here, on the error path."""
    try:
        import libcst
    except ImportError:
        return None
    major, minor = sys.version_info[:2]
    for later in range(minor + 1, 15):
        version = f"{major}.{later}"
        try:
            libcst.parse_module(text, config=libcst.PartialParserConfig(python_version=version))
        except Exception:  # noqa: BLE001, S112 - any failure means: not this version
            continue
        return version
    return None
