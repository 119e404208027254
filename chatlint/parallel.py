"""Checking many files at once: the byte prefilter and the cache here, the parsing on every core when it pays.

Most files of a large tree fail the prefilter in microseconds; the few that pass cost tens of milliseconds each to
parse and analyse. Those are spread over a process pool, but only when there are enough of them
(`PARALLEL_THRESHOLD`): a pre-commit call with a handful of files never pays for starting one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from chatlint.cache import ResultCache, content_digest
from chatlint.engine import FileResult
from chatlint.findings import SkipReason
from chatlint.notebooks import is_notebook
from chatlint.prefilter import worth_parsing
from chatlint.source import Source, SourceError, decode_source, large_file_is_clean, read_bytes

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from chatlint.rules.base import Rule

# Checks one source, with the rules and fix mode of the run (`Runner.check_source`); sent to the pool's processes.
Check = Callable[[Source], FileResult]
# The rules that apply to a path (per-file ignores taken out), for the prefilter.
RulesFor = Callable[[str], Sequence["Rule"]]

# Fewer files to parse than this: check them here. A pool costs about 0.1 s to start and feed.
PARALLEL_THRESHOLD = 16
# ... but once this many have passed the prefilter, and the share of the paths read so far says that the whole run
# will reach the threshold, the pool starts at once (in a large tree the 16th may be found late).
EARLY_START = 4


def worker_count() -> int:
    """The cores this process may use (`CHATLINT_WORKERS` overrides; 1 turns the pool off)."""
    override = os.environ.get("CHATLINT_WORKERS", "")
    if override.isdigit() and int(override) > 0:
        return int(override)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_ahead(
    paths: Sequence[str],
    check: Check,
    rules_for: RulesFor,
    cache: ResultCache | None = None,
    max_bytes: int | None = None,
    digests: dict[str, str] | None = None,
) -> dict[str, tuple[Source, FileResult]]:
    """Read and `check` every Python file in `paths`; the caller then writes fixes and reports.

    A file the prefilter rules out gets the empty result `check` would give it, without parsing; the others are
    checked here or in the pool, which starts as soon as `PARALLEL_THRESHOLD` of them are found or likely (see
    `_Feed`): its processes parse while this one reads and prefilters the rest. With a `cache`, unchanged files are not checked again and
    new results are saved. Files that cannot be read are left out: the caller reads them again and reports why. A
    file larger than `max_bytes` is prefiltered without being read into memory: clean when the prefilter rules it
    out, else left out (too large to parse). With a cache and `digests`, each file's content digest is put there by
    path (files too large to read are not: they are never linked).
    """
    ready: dict[str, tuple[Source, FileResult]] = {}
    to_check: list[tuple[Source, str]] = []
    with _Feed(check) as feed:
        for position, path in enumerate(paths, 1):
            if is_notebook(path):
                continue
            read = _read(path, max_bytes, rules_for)
            if read is None:
                continue
            if isinstance(read, Source):
                ready[path] = (read, FileResult(path=path))  # too large, but nothing in it for any rule
                continue
            source, data = read
            digest = content_digest(data) if cache is not None else ""
            if digests is not None and cache is not None:
                digests[path] = digest
            cached = cache.get(path, digest) if cache is not None else None
            if cached is not None:
                ready[path] = (source, cached)
                continue
            raw = (
                data
                if source.encoding == "utf-8" and not source.has_bom
                else source.text.encode("utf-8", "surrogatepass")
            )
            if not worth_parsing(raw, rules_for(path)):
                result = FileResult(path=path)  # what `check_text` answers without parsing
                ready[path] = (source, result)
                if cache is not None:
                    cache.put(path, digest, result)
                continue
            to_check.append((source, digest))
            feed.add(source, position / len(paths))
        results = feed.results()
    for (source, digest), result in zip(to_check, results):
        ready[source.path] = (source, result)
        if cache is not None:
            cache.put(source.path, digest, result)
    if cache is not None:
        cache.save()
    return ready


class _Feed:
    """Sources to check, in the order they are added: held until there are (or will likely be, see `_enough`)
    `PARALLEL_THRESHOLD` of them, then handed to a process pool as they come; checked here, at the end, when
    there are fewer."""

    def __init__(self, check: Check, workers: int | None = None) -> None:
        self.check = check
        self.workers = worker_count() if workers is None else workers
        self.sources: list[Source] = []
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future[FileResult]] = []  # one per source, once the pool runs

    def __enter__(self) -> _Feed:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def add(self, source: Source, done: float = 1.0) -> None:
        """Check `source`; `done`: the share of all the sources to come that has been looked at so far."""
        self.sources.append(source)
        if self.pool is not None:
            self.futures.append(self.pool.submit(_check_in_worker, source))
        elif self.workers >= 2 and self._enough(done):
            self.pool = _start_pool(self.check, self.workers)
            # the largest first, so that no process is left with a big file at the end
            order = sorted(range(len(self.sources)), key=lambda index: -len(self.sources[index].text))
            submitted = {index: self.pool.submit(_check_in_worker, self.sources[index]) for index in order}
            self.futures = [submitted[index] for index in range(len(self.sources))]

    def _enough(self, done: float) -> bool:
        """Will there be `PARALLEL_THRESHOLD` sources? Surely when there are; likely, when `EARLY_START` have come
        and the rate so far says so."""
        count = len(self.sources)
        return count >= PARALLEL_THRESHOLD or (count >= EARLY_START and count >= PARALLEL_THRESHOLD * done)

    def results(self) -> list[FileResult]:
        """The result of each source added, in the order they were added."""
        if self.pool is None:
            return [self.check(source) for source in self.sources]
        return [future.result() for future in self.futures]


def check_sources(check: Check, sources: list[Source]) -> list[FileResult]:
    """`check(source)` for each source, in order; on several processes when there are enough sources."""
    with _Feed(check, min(worker_count(), len(sources))) as feed:
        for source in sources:
            feed.add(source)
        return feed.results()


def _start_pool(check: Check, workers: int) -> ProcessPoolExecutor:
    # imported here: a small run (a pre-commit call) never pays for loading the pool machinery
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(check,))


_WORKER_CHECK: Check | None = None


def _start_worker(check: Check) -> None:
    global _WORKER_CHECK
    _WORKER_CHECK = check
    _exit_with_parent()


def _exit_with_parent() -> None:
    """Ask Linux to end this worker when the process that started it dies (killed with SIGKILL, say): a worker
    left waiting for work that never comes would stay forever. Elsewhere the pool's own shutdown is all there is."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def _check_in_worker(source: Source) -> FileResult:
    assert _WORKER_CHECK is not None
    return _WORKER_CHECK(source)


def _read(path: str, max_bytes: int | None, rules_for: RulesFor) -> tuple[Source, bytes] | Source | None:
    """The source and bytes of `path`; or, for a file too large to parse that the prefilter rules out, an empty
    source standing for it (nothing in it is ever written); or None when it cannot be checked."""
    try:
        data = read_bytes(path, max_bytes)
        return decode_source(path, data), data
    except SourceError as error:
        if error.reason is SkipReason.TOO_LARGE and large_file_is_clean(path, rules_for(path)):
            return Source(path=path, text="")
        return None  # the runner reads it again and says why it cannot be checked
