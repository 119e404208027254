"""The command line: turns options into a run and a report. No analysis here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from chatlint import installed_version
from chatlint.config import ConfigError, code_problem, load_config, rule_named, unknown_rule
from chatlint.files import FileSelector
from chatlint.report import FORMAT_NAMES, Report, renderer
from chatlint.rules import ALL_RULES
from chatlint.runner import Runner, RunOptions, RunResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


# Commands imported only when used, so that `chatlint check` never loads their modules.
LAZY_COMMANDS = {"labels": ("chatlint.labels.command", "labels")}


class DefaultToCheck(click.Group):
    """`chatlint --fix src/` means `chatlint check --fix src/`: `check` is the default command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        known = (*self.commands, *LAZY_COMMANDS, "--help", "-h", "--version")
        if not args or args[0] not in known:
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS and name not in self.commands:
            module_name, attribute = LAZY_COMMANDS[name]
            import importlib

            self.add_command(getattr(importlib.import_module(module_name), attribute), name)
        return super().get_command(ctx, name)


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    click.echo(f"chatlint, version {installed_version()}")
    ctx.exit()


@click.group(cls=DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the installed version (from the package metadata) and exit.",
)
def cli() -> None:
    """Find chat-template bugs that silently corrupt the labels of chat fine-tuning data."""


def _codes(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    codes = tuple(code.strip().upper() for item in value for code in item.split(",") if code.strip())
    for code in codes:
        problem = code_problem(code)
        if problem is not None:
            raise click.BadParameter(problem)
    return codes


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str, readable=False))  # unreadable: one line each
@click.option("--fix", is_flag=True, help="Apply safe fixes and write the files.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply (with --fix) and count fixes marked unsafe.")
@click.option("--diff", is_flag=True, help="Show fixes as a unified diff; write nothing; exit 1 if any would apply.")
@click.option("--select", multiple=True, callback=_codes, help="Only these rule codes or prefixes (comma-separated).")
@click.option(
    "--extend-select",
    multiple=True,
    callback=_codes,
    help="Also these rule codes or prefixes, added to the default or configured selection (e.g. CL100).",
)
@click.option("--ignore", multiple=True, callback=_codes, help="Skip these rule codes or prefixes (comma-separated).")
@click.option(
    "--output-format", type=click.Choice(FORMAT_NAMES), default="text", show_default=True, help="Report format."
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems remain.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), help="Read this TOML file.")
@click.option("--force-exclude", is_flag=True, help="Apply excludes to files named on the command line too.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--stdin-filename", help="The file name to report for source read from `-`.")
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write the report to this file; the terminal still gets the summary.",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Show how many findings each rule has, and their total, instead of the findings (not with --diff).",
)
@click.option("--add-noqa", is_flag=True, help="Add `# noqa: CODE` to every line with a finding, to adopt chatlint.")
@click.option(
    "--verify-labels",
    is_flag=True,
    help="Run the runtime label check on the collators behind CL001/CL002/CL004 findings (imports your code).",
)
@click.option("--tokenizer", metavar="PATH", help="Local tokenizer folder for --verify-labels (never downloaded).")
@click.option(
    "--installed-versions",
    is_flag=True,
    help="Let the versions of libraries installed beside chatlint count (as `use-installed-versions = true`).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    envvar="CHATLINT_NO_CACHE",
    help="Check every file again; do not read or write `.chatlint_cache/` (also CHATLINT_NO_CACHE=1).",
)
def check(
    paths: tuple[str, ...],
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    exit_zero: bool,
    config_file: Path | None,
    force_exclude: bool,
    quiet: bool,
    stdin_filename: str | None,
    output_file: str | None,
    statistics: bool,
    add_noqa: bool,
    verify_labels: bool,
    tokenizer: str | None,
    installed_versions: bool,
    no_cache: bool,
) -> None:
    """Check PATHS (default: the current folder) for chat-template bugs."""
    reading_stdin = paths == ("-",)
    if verify_labels and not tokenizer:
        raise click.UsageError("--verify-labels needs --tokenizer PATH (a local tokenizer folder)")
    if verify_labels and reading_stdin:
        raise click.UsageError("--verify-labels imports the checked files, so it cannot read from stdin")
    if statistics and diff:
        raise click.UsageError("--statistics cannot be combined with --diff: --diff shows the fixes, not findings")
    if add_noqa and (fix or diff or reading_stdin):
        raise click.UsageError("--add-noqa cannot be combined with --fix, --diff or reading from stdin")
    if "-" in paths and not reading_stdin:
        raise click.UsageError("`-` (read from stdin) cannot be combined with other paths")
    start = Path(stdin_filename or ".") if reading_stdin else Path(paths[0] if paths else ".")
    try:
        config = load_config(config_file, start if start.exists() else Path("."))
    except ConfigError as error:
        click.echo(f"chatlint: configuration error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    options = RunOptions(
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        add_noqa=add_noqa,
        verify_tokenizer=tokenizer if verify_labels else None,
        use_cache=not no_cache,
        installed_versions=installed_versions,
    )
    runner = Runner(config, options)
    out = sys.stdout

    if reading_stdin:
        name = stdin_filename or "<stdin>"
        if force_exclude and stdin_filename and FileSelector(config, True).is_excluded(stdin_filename):
            data = sys.stdin.buffer.read()
            if fix:
                sys.stdout.buffer.write(data)
            sys.exit(EXIT_OK)
        data = sys.stdin.buffer.read()
        run, source = runner.run_stdin(name, data)
        if fix and not diff:
            # the fixed source goes to stdout; the report goes to stderr
            text = run.files[0].fixed_text
            sys.stdout.buffer.write(source.encode(text) if source and text is not None else data)
            out = sys.stderr
    else:
        selector = FileSelector(config, force_exclude=force_exclude)
        files = list(selector.files(list(paths) or ["."]))
        run = runner.run(files)
        run.add_errors(selector.errors)  # folders that could not be listed

    sys.exit(_report(run, options, output_format, out, quiet, exit_zero, output_file, statistics))


def _report(
    run: RunResult,
    options: RunOptions,
    output_format: str,
    out,
    quiet: bool,
    exit_zero: bool,
    output_file: str | None = None,
    statistics: bool = False,
) -> int:
    """Print (or write) the report in the chosen form and return the exit code."""
    if options.add_noqa:
        added = sum(result.noqa_added for result in run.files)
        click.echo(f"Added {added} noqa {'directive' if added == 1 else 'directives'}.", err=True)
    report = Report(
        findings=run.findings,
        errors=run.errors,
        would_fix=run.fix_mode.allows,
        fixes_applied=0 if options.diff else run.fixes_applied,
        unsafe_fixes=options.unsafe_fixes,
        checked=run.checked,
        suppressed=[finding for result in run.files for finding in result.suppressed],
        quiet=quiet,
    )
    if options.diff:
        for diff in run.diffs:
            out.write(diff)
        if not quiet:
            count = sum(result.fixes_applied for result in run.files)
            click.echo(f"Would fix {count} {'problem' if count == 1 else 'problems'}.", err=True)
        if report.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if run.diffs and not exit_zero else EXIT_OK

    render = renderer(output_format)
    if statistics:
        from chatlint.report import statistics as rule_statistics

        render = rule_statistics.render_json if output_format == "json" else rule_statistics.render_text
    if output_file is not None:
        try:
            with open(output_file, "w", encoding="utf-8", newline="\n") as handle:
                render(report, handle)
        except OSError as error:
            click.echo(f"chatlint: cannot write {output_file}: {error.strerror or error}", err=True)
            return EXIT_ERROR
        if not quiet:
            from chatlint.report.text import summary

            out.write(summary(report) + "\n")
    else:
        render(report, out)
    # files that could not be checked always reach the terminal: in the text report or summary, else on stderr
    shown = (output_file is None and output_format == "text" and not statistics) or (output_file and not quiet)
    if not shown:
        for file_error in report.errors:
            click.echo(f"chatlint: {file_error.path}: {file_error.reason}", err=True)
    if report.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if report.findings and not exit_zero else EXIT_OK


@cli.command("rules")
def list_rules() -> None:
    """List every rule."""
    for rule in ALL_RULES:
        fix = "fix" if rule.fixable else "   "
        state = "" if rule.enabled_by_default else " (off by default)"
        click.echo(f"{rule.code}  {fix}  {rule.name}: {rule.summary}{state}")


@cli.command("rule")
@click.argument("code", metavar="CODE_OR_NAME")
def show_rule(code: str) -> None:
    """Explain one rule, named by its code (CL001) or its name (generation-prompt-on-full-conversation)."""
    rule = rule_named(code)
    if rule is None:
        raise click.BadParameter(f"{unknown_rule(code)}; `chatlint rules` lists them", param_hint="CODE_OR_NAME")
    click.echo(rule.documentation())


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        cli(prog_name="chatlint")
    except Exception:  # noqa: BLE001 - a bug of chatlint's own: exit 2 (an error), never 1 (findings)
        import traceback

        traceback.print_exc()
        click.echo("chatlint: internal error (traceback above); please report it", err=True)
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    main()
