# Writes the evaluation's settings beside its results: it takes a constant of the library, nothing that runs.
import json

from evalkit.generation import SYSTEM_PROMPT


def write_settings(path):
    with open(path, "w") as handle:
        json.dump({"system_prompt": SYSTEM_PROMPT}, handle)
