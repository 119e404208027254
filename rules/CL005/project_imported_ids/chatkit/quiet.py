# Quiet: the result read by key, or asked for as a dict or as text, or tested for its kind (here, or by a wrapper
# that makes it a list of ids before it returns it); a prompter the code never shows being one of ours.
from collections.abc import Mapping

from .prompter import ChatPrompter, render_ids, render_list


def by_key(prompter: ChatPrompter, turns):
    out = prompter.build(turns)
    return out["input_ids"]


def as_dict(prompter: ChatPrompter, turns):
    encoding = prompter.build_encoding(turns)
    return len(encoding["input_ids"])


def as_text(prompter: ChatPrompter, turns):
    return len(prompter.build_text(turns))


def either_kind(tok, messages):
    ids = render_ids(tok, messages)
    if isinstance(ids, Mapping):  # (a `BatchEncoding` is a `Mapping`, not a `dict`)
        ids = ids["input_ids"]
    return len(ids)


def unknown(prompter, turns):
    return len(prompter.build(turns))


def normalised(tok, messages):
    return len(render_list(tok, messages))
