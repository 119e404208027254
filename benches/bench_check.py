"""Time `chatlint check` on a large real tree beside grep (and semgrep, when installed), and check that the speed
features change nothing: the process pool and the cache must give the very same findings.

    python benches/bench_check.py                      # the tree described in benches/README.md
    python benches/bench_check.py --tree DIR --dirs a b --repeat 3 --semgrep /tmp/semgrep-venv/bin/semgrep

Prints one table (seconds are wall-clock; "cpu" is user+system time of the command and its children; "peak MB" is
the largest resident set of the command or any of its processes) and the costs per MB of the code that passes the
prefilter, and exits 1 when a variant's findings differ from the plain cold run's.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

DEFAULT_TREE = "/tmp/real/tree"
DEFAULT_DIRS = (
    "transformers==4.46.3",
    "trl==0.11.4",
    "trl==0.12.2",
    "trl==0.13.0",
    "axolotl==0.5.2",
    "llamafactory==0.9.1",
    "openrlhf==0.5.4",
    "peft==0.13.2",
    "accelerate==1.1.1",
    "datasets==3.1.0",
)
SEMGREP_RULE = """\
rules:
  - id: generation-prompt-anywhere
    languages: [python]
    severity: WARNING
    message: apply_chat_template with add_generation_prompt=True
    pattern: $X.apply_chat_template(..., add_generation_prompt=True, ...)
"""


class Run(NamedTuple):
    wall: float  # seconds
    cpu: float  # user + system seconds of the command and every process it waited for
    peak_mb: float  # the largest resident set of the command or of one of its processes
    stdout: str


def timed(command: list[str], cwd: str, env: dict[str, str] | None = None) -> Run:
    """One run of `command`, measured by the kernel's accounting of that process alone (`os.wait4`)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=errors)
        assert process.stdout is not None
        stdout = process.stdout.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")[-2000:]
            raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{message}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout)


def median_run(runs: list[Run]) -> Run:
    """The run with the median wall time (the machine is shared: one fast or slow run says little)."""
    return sorted(runs, key=lambda run: run.wall)[len(runs) // 2]


def findings_of(output: str) -> list[tuple[object, ...]]:
    return sorted(
        (item["path"], item["line"], item["column"], item["code"], item["message"], json.dumps(item.get("fix")))
        for item in json.loads(output)
    )


def count_files(tree: str, dirs: list[str], select: tuple[str, ...]) -> tuple[int, int, int, int]:
    """Python files chatlint checks, how many pass the selected rules' prefilter, and their bytes."""
    from chatlint.config import Config, select_rules
    from chatlint.files import FileSelector
    from chatlint.prefilter import passes_prefilter

    config = Config(root=Path(tree).resolve())
    files = list(FileSelector(config).files([os.path.join(tree, name) for name in dirs]))
    rules = [rule() for rule in select_rules(select, ())]
    total_bytes = passed = passed_bytes = 0
    for path in files:
        data = Path(path).read_bytes()
        total_bytes += len(data)
        if passes_prefilter(data, rules):
            passed += 1
            passed_bytes += len(data)
    return len(files), total_bytes, passed, passed_bytes


_PROJECT_FILES = """
import json, os, sys
from pathlib import Path
from chatlint.config import Config
from chatlint.files import FileSelector
from chatlint.runner import Runner, RunOptions
dirs, select = json.loads(sys.argv[1]), tuple(json.loads(sys.argv[2]))
config = Config(root=Path(".").resolve())
files = list(FileSelector(config).files(dirs))
run = Runner(config, RunOptions(select=select, use_cache=False)).run(files)
read = getattr(run, "project_files", None)  # (None: a version that does not say)
print(json.dumps(None if read is None else [len(read), sum(os.path.getsize(path) for path in read)]))
"""


def project_step_bytes(
    tree: str, dirs: list[str], select: tuple[str, ...], env: dict[str, str]
) -> tuple[int, int] | None:
    """The files the project step reads whole beyond those the prefilter lets through (`RunResult.project_files`:
    modules summarised for their importers, files checked again with links), and their bytes: an untimed run
    without the cache, in a process of its own (this one stays small: a child's peak memory counts its parent's
    pages until it starts its program)."""
    command = [sys.executable, "-c", _PROJECT_FILES, json.dumps(dirs), json.dumps(list(select))]
    output = subprocess.run(
        command, cwd=tree, env={**env, "CHATLINT_WORKERS": "1"}, capture_output=True, text=True, check=True
    )
    found = json.loads(output.stdout)
    return (found[0], found[1]) if found is not None else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", default=DEFAULT_TREE)
    parser.add_argument("--dirs", nargs="+", default=list(DEFAULT_DIRS), help="folders of the tree to check")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each timing; the median is shown")
    parser.add_argument(
        "--package",
        default=str(Path(__file__).resolve().parent.parent / "chatlint"),
        help="the chatlint package to time; it is copied first, so that edits made meanwhile change nothing",
    )
    parser.add_argument("--select", default="", help="rule codes to pass as --select (default: the default rules)")
    parser.add_argument("--semgrep", default=shutil.which("semgrep") or "/tmp/semgrep-venv/bin/semgrep")
    parser.add_argument("--no-compare", action="store_true", help="skip the run in one process")
    args = parser.parse_args()

    tree, dirs = args.tree, args.dirs
    missing = [name for name in dirs if not os.path.isdir(os.path.join(tree, name))]
    if missing:
        raise SystemExit(f"not in {tree}: {', '.join(missing)} (see benches/README.md to build the tree)")
    python = sys.executable
    snapshot = tempfile.mkdtemp(prefix="chatlint-bench-code-")
    sys.path.insert(0, snapshot)  # count_files imports the same copy
    shutil.copytree(args.package, os.path.join(snapshot, "chatlint"), ignore=shutil.ignore_patterns("__pycache__"))
    # compiled as `pip install` compiles it: with PYTHONDONTWRITEBYTECODE set, every run would compile chatlint's
    # modules again (about 0.2 s of each start-up that no installed copy pays)
    compileall.compile_dir(os.path.join(snapshot, "chatlint"), quiet=1)
    chatlint_command = [python, "-m", "chatlint"]
    chatlint = [*chatlint_command, "check", "--exit-zero", "--output-format", "json"]
    if args.select:
        chatlint += ["--select", args.select]
    env = dict(os.environ)
    env["PYTHONPATH"] = snapshot
    env.pop("CHATLINT_WORKERS", None)
    env.pop("CHATLINT_NO_CACHE", None)
    rows: list[tuple[str, Run, str]] = []

    def row(label: str, command: list[str], extra_env: dict[str, str] | None = None, note: str = "") -> Run:
        run_env = {**env, **(extra_env or {})}
        result = median_run([timed(command, tree, run_env) for _ in range(args.repeat)])
        rows.append((label, result, note))
        print(f"  {label}: {result.wall:.2f} s", file=sys.stderr)
        return result

    selected = tuple(code.strip() for code in args.select.split(",") if code.strip())
    files, total_bytes, passed, passed_bytes = count_files(tree, dirs, selected)
    project_step = project_step_bytes(tree, dirs, selected, env)
    grep_command = ["grep", "-rl", "--include=*.py", "apply_chat_template", *dirs]
    timed(grep_command, tree)  # warm the page cache
    grep = row("grep -rl apply_chat_template (warm)", grep_command)
    mentions = len(grep.stdout.split())

    with tempfile.TemporaryDirectory(prefix="chatlint-bench-") as scratch:
        cold = row("chatlint cold (--no-cache)", [*chatlint, "--no-cache", *dirs])
        reference = findings_of(cold.stdout)
        differences = []
        if not args.no_compare:
            label = "chatlint cold, one process"
            result = row(label, [*chatlint, "--no-cache", *dirs], {"CHATLINT_WORKERS": "1"})
            same = findings_of(result.stdout) == reference
            rows[-1] = (*rows[-1][:2], "same findings" if same else "FINDINGS DIFFER")
            if not same:
                differences.append(label)
        cache_env = {"CHATLINT_CACHE_DIR": os.path.join(scratch, "cache")}
        timed([*chatlint, *dirs], tree, {**env, **cache_env})  # fills the cache
        timed([*chatlint, *dirs], tree, {**env, **cache_env})  # and reads it once (the page cache too)
        warm = row("chatlint warm (cache filled)", [*chatlint, *dirs], cache_env)
        if findings_of(warm.stdout) != reference:
            differences.append("warm")
            rows[-1] = (*rows[-1][:2], "FINDINGS DIFFER")
        else:
            rows[-1] = (*rows[-1][:2], "same findings")

        one_file = os.path.join(tree, "trl==0.12.2", "trl", "trainer", "utils.py")
        one = None
        if os.path.exists(one_file):
            one = row(
                "chatlint check one file (trl utils.py, no cache)",
                [*chatlint_command, "check", "--exit-zero", "--no-cache", one_file],
            )
        baseline = row("python -c 'import libcst, click'", [python, "-c", "import libcst, click"])
        row("python -c 'pass'", [python, "-c", "pass"])

        semgrep_time = None
        if os.path.exists(args.semgrep):
            rule = os.path.join(scratch, "rule.yaml")
            Path(rule).write_text(SEMGREP_RULE)
            semgrep_env = {"SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
            command = [
                args.semgrep,
                "scan",
                "--config",
                rule,
                "--metrics=off",
                "--disable-version-check",
                "--quiet",
                "--json",
                *dirs,
            ]
            semgrep_time = row("semgrep, one-pattern rule", command, semgrep_env).wall
        else:
            rows.append(
                ("semgrep", Run(float("nan"), float("nan"), float("nan"), ""), f"not installed ({args.semgrep})")
            )

    shutil.rmtree(snapshot, ignore_errors=True)
    print()
    print(f"chatlint: a copy of {args.package}")
    print(f"tree: {tree} ({', '.join(dirs)})")
    print(f"python files checked: {files} ({total_bytes / 1e6:.1f} MB); mention apply_chat_template: {mentions}")
    rules = f"--select {args.select}" if args.select else "the default rules"
    print(f"pass the prefilter of {rules}: {passed} ({passed_bytes / 1e6:.1f} MB); findings: {len(reference)}")
    if project_step is not None:
        print(f"read whole by the project step besides: {project_step[0]} ({project_step[1] / 1e6:.1f} MB)")
    print(f"cores: {os.cpu_count()}; load average at the end: {', '.join(f'{value:.1f}' for value in os.getloadavg())}")
    print()
    print(f"| {'what':<50} | {'wall s':>7} | {'cpu s':>7} | {'peak MB':>7} | note")
    print(f"|{'-' * 52}|{'-' * 9}|{'-' * 9}|{'-' * 9}|------")
    for label, run, note in rows:
        print(f"| {label:<50} | {run.wall:>7.2f} | {run.cpu:>7.2f} | {run.peak_mb:>7.0f} | {note}")
    print()
    print(
        f"ratios: cold / grep = {cold.wall / grep.wall:.0f}x, warm / grep = {warm.wall / grep.wall:.0f}x, "
        f"cold / warm = {cold.wall / warm.wall:.1f}x"
    )
    megabytes = passed_bytes / 1e6
    if megabytes:
        print(
            f"per MB that passes the prefilter: {cold.cpu / megabytes:.2f} s of CPU, "
            f"{cold.peak_mb / megabytes:.0f} MB of peak memory (cold run)"
        )
    if megabytes and project_step is not None:
        candidate = (passed_bytes + project_step[1]) / 1e6
        print(
            f"per MB of candidate code (those and the project step's): {cold.cpu / candidate:.2f} s of CPU, "
            f"{cold.peak_mb / candidate:.0f} MB of peak memory (cold run)"
        )
    if one is not None:
        print(f"one file / `import libcst, click`: {one.wall / baseline.wall:.2f}x")
    # the cold-run target (1.0 s) was set on a machine where `import libcst, click` takes 0.15 s: in units of that
    # yardstick it is 6.7x, which lets a slower or busier machine tell whether it is met
    print(f"cold / `import libcst, click`: {cold.wall / baseline.wall:.1f}x (target: 1.0 s / 0.15 s = 6.7x)")
    if semgrep_time is not None:
        print(f"semgrep / chatlint cold = {semgrep_time / cold.wall:.2f}x")
    if differences:
        print(f"FINDINGS DIFFER from the plain cold run: {', '.join(differences)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
