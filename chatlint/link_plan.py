"""The project step's plan: what it did in the last run, kept in the result cache, so that a run over the same
unchanged files takes its linked results from the cache without running the step (`project_step.ProjectStep`).

A plan holds the files the step checked again with what their imports told them (each with the key of its linked
result), every file it read from disk (with the digest of what it read), the modification times of the folders of
those files and of the run's files (a module added beside them may change what an import resolves to), and the
files it reports as read whole. It is followed only when the run's files (paths and contents) are those of the last
run and nothing it read changed; a module added in a folder the step never looked in is seen when a file of the run
changes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping

from chatlint.cache import LinkPlan, ResultCache, content_digest
from chatlint.engine import FileResult
from chatlint.facts.links import Links
from chatlint.source import Source


def run_digest(paths: Iterable[str], digests: Mapping[str, str]) -> str:
    """The digest of a run's files: their paths and contents (what the project step starts from)."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(paths):
        digest.update(f"{path}\0{digests.get(path, '')}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def linked_key(source: Source, links: Links) -> str:
    """The cache key of a file's result checked with `links`: its content and the digests of what they tell."""
    return f"{content_digest(source.encode())}+{links.digest}"


def follow(
    cache: ResultCache, run: str, checked: Mapping[str, object]
) -> tuple[list[tuple[str, FileResult]], tuple[str, ...]] | None:
    """The linked results (by path) and the files read whole of the last run with the digest `run`, when nothing it
    read from disk changed since and every result is still in the cache; else None (the step runs)."""
    plan = cache.link_plan(run)
    if plan is None or any(_disk_state(path) != state for path, state in plan.read):
        return None
    results = []
    for path, key in plan.linked:
        result = cache.get(path, key, linked=True) if path in checked else None
        if result is None:
            return None
        results.append((path, result))
    return results, plan.files


def remember(
    cache: ResultCache,
    run: str,
    read: Mapping[str, bytes | None],
    run_files: Iterable[str],
    linked: Iterable[tuple[Source, Links]],
    files: tuple[str, ...],
) -> None:
    """Keep what the project step did: the files it `read` from disk (with the bytes it read: digested here, not read
    again), the files it checked again (`linked`) and the files it reports as read whole, for the next run over the
    same `run_files` (see `follow`)."""
    beside = [*read, *(os.path.abspath(path) for path in run_files)]
    folders = sorted({os.path.join(os.path.dirname(path), "") for path in beside})
    states = [(path, content_digest(data) if data is not None else _disk_state(path)) for path, data in read.items()]
    cache.remember_link_plan(
        run,
        LinkPlan(
            [(source.path, linked_key(source, links)) for source, links in linked],
            [*states, *((folder, _disk_state(folder)) for folder in folders)],
            files,
        ),
    )


def _disk_state(path: str) -> str:
    """What a file the project step read holds now (the digest of its bytes), or a folder (`"folder/"`, its
    modification time: a module added or removed changes it); "" when it cannot be read."""
    try:
        if path.endswith(os.sep):
            return str(os.stat(path).st_mtime_ns)
        with open(path, "rb") as handle:
            return content_digest(handle.read())
    except OSError:
        return ""
