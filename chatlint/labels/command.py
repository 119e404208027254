"""``chatlint labels``: run a collator on sample conversations and check its labels against the chat template.

Only click and the standard library are imported here; transformers, tokenizers, numpy, torch and rich are
imported inside the run, so registering this command keeps ``chatlint check`` fast.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import click

MODE_CHOICES = ("auto", "assistant-only", "last-reply", "full")


@click.command("labels")
@click.argument("target", required=False)
@click.option(
    "--tokenizer",
    "tokenizer_name",
    metavar="PATH_OR_NAME",
    help="Local tokenizer folder or a name in the local Hugging Face cache (never downloaded).",
)
@click.option(
    "--sample",
    metavar="FILE.jsonl|FILE.parquet|FOLDER",
    help="Conversations to probe with: JSON lines, parquet or a datasets folder saved to disk (first rows), "
    "with a 'messages' (or 'conversations') list or conversational prompt/completion. Default: built-in conversations.",
)
@click.option(
    "--sample-field",
    "sample_field_values",
    multiple=True,
    metavar="NAME=FIELD",
    help="Where the sample's records keep NAME (messages, role, content, prompt, completion), e.g. "
    "messages=conversations. Repeatable.",
)
@click.option(
    "--arg",
    "arg_values",
    multiple=True,
    metavar="KEY=VALUE",
    help="Argument for the collator class or function; VALUE is a Python literal or a string. Repeatable.",
)
@click.option(
    "--mode",
    type=click.Choice(MODE_CHOICES),
    default=None,
    help="What should be trained: assistant replies only, only the last reply, everything (full), or infer it (auto, the default).",
)
@click.option("--max-examples", type=click.IntRange(min=1), default=None, help="Use at most N conversations.")
@click.option("--output-format", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--trust-remote-code", is_flag=True, default=None, help="Allow the tokenizer's custom code.")
@click.option(
    "--traceback",
    "full_traceback",
    is_flag=True,
    help="When the target raises, print its whole traceback (by default: its last frames).",
)
@click.pass_context
def labels(
    ctx: click.Context,
    target: str | None,
    tokenizer_name: str | None,
    sample: str | None,
    sample_field_values: tuple[str, ...],
    arg_values: tuple[str, ...],
    mode: str | None,
    max_examples: int | None,
    output_format: str,
    trust_remote_code: bool | None,
    full_traceback: bool,
) -> None:
    """Check the labels a collator builds against what the chat template says should be trained.

    TARGET is package.module:Name or path/to/file.py:Name: a collator class (built with the tokenizer and --arg
    values), a collator instance, a batch function or a per-example function returning input_ids and labels.
    Settings may also come from [tool.chatlint.labels] in pyproject.toml; options given here win.

    Exit status: 0 no check failed (warnings, such as a truncated reply, do not count), 1 a check failed, 2 the
    target or tokenizer cannot be loaded or raised (--traceback shows where in full).
    """
    from chatlint.labels.config import load_config
    from chatlint.labels.model import LabelsError
    from chatlint.labels.samples import parse_field
    from chatlint.labels.targets import parse_arg
    from chatlint.labels.tokenizer import RUNTIME_EXTRA_MESSAGE

    # Offline mode is set by verify() (import_transformers) before anything imports huggingface_hub.
    try:
        config = load_config(Path.cwd())
        target = target or config.target
        tokenizer_name = tokenizer_name or config.tokenizer
        if not target:
            raise LabelsError(
                "no TARGET: pass package.module:Name or path/to/file.py:Name (a collator class or instance, a batch "
                "function or a per-example function), or set target in [tool.chatlint.labels] of pyproject.toml"
            )
        if not tokenizer_name:
            raise LabelsError(
                "no tokenizer: pass --tokenizer PATH_OR_NAME (a local folder or a name in the local Hugging Face "
                "cache), or set tokenizer in [tool.chatlint.labels] of pyproject.toml"
            )
        args = dict(config.args)
        args.update(dict(parse_arg(value) for value in arg_values))
        for module in ("transformers", "rich") if output_format == "text" else ("transformers",):
            if importlib.util.find_spec(module) is None:
                raise LabelsError(RUNTIME_EXTRA_MESSAGE)
        from chatlint.labels.verify import verify

        report = verify(
            target,
            tokenizer_name,
            args=args,
            mode=mode or config.mode or "auto",
            sample=sample if sample is not None else config.sample,
            max_examples=max_examples if max_examples is not None else config.max_examples,
            trust_remote_code=bool(trust_remote_code if trust_remote_code is not None else config.trust_remote_code),
            base=config.root,
            sample_fields=dict(parse_field(value) for value in sample_field_values),
        )
    except LabelsError as error:
        click.echo(f"chatlint labels: {error}", err=True)
        where = error.where(every_frame=full_traceback)
        if where:
            click.echo(where, err=True)
        ctx.exit(2)
        return

    if output_format == "json":
        from chatlint.labels.view import to_json

        click.echo(to_json(report))
    else:
        from rich.console import Console

        from chatlint.labels.view import render_text

        render_text(report, Console(file=sys.stdout, highlight=False, soft_wrap=False))
    ctx.exit(0 if report.ok else 1)
