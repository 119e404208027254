"""The runtime label check: run a collator on sample conversations and compare its labels with what the chat
template says should be trained.

Importing this package is cheap: transformers, numpy, torch and rich are imported only when ``verify`` runs.

    from chatlint.labels import verify
    report = verify("train.py:ChatCollator", "path/to/tokenizer")
    if not report.ok:
        for problem in report.problems:
            print(problem.check, problem.message, problem.tokens)
"""

from chatlint.labels.model import CHECKS, MODES, ExampleResult, LabelReport, LabelsError, Problem
from chatlint.labels.verify import verify

__all__ = ["CHECKS", "MODES", "ExampleResult", "LabelReport", "LabelsError", "Problem", "verify"]
