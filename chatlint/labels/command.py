"""``chatlint labels``: run a collator on sample conversations and check its labels against the chat template.

Only click and the standard library are imported here; transformers, tokenizers, numpy, torch and rich are
imported inside the run, so registering this command keeps ``chatlint check`` fast.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from chatlint.labels.model import LabelReport

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
    "with a 'messages' (or 'conversations') list or prompt/completion (messages or plain text). Default: built-in conversations.",
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
    "--config",
    "config_file",
    metavar="FILE.yml",
    help="A training config (axolotl's YAML): TARGET is then a factory called with the tokenizer, the config and "
    "its chat_template dataset entry (axolotl:chat_template); its field names and chat template are used.",
)
@click.option(
    "--mode",
    type=click.Choice(MODE_CHOICES),
    default=None,
    help="What should be trained: assistant replies only, only the last reply, everything (full), or infer it (auto, the default).",
)
@click.option(
    "--loss-shift",
    type=click.Choice(("model", "pipeline")),
    default=None,
    help="Who shifts labels against the logits: a Hugging Face model's own loss (model, the default: labels "
    "already shifted are then trained two tokens ahead) or the pipeline's own loss (pipeline, mlx-lm style).",
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
    config_file: str | None,
    mode: str | None,
    loss_shift: str | None,
    max_examples: int | None,
    output_format: str,
    trust_remote_code: bool | None,
    full_traceback: bool,
) -> None:
    """Check the labels a collator builds against what the chat template says should be trained.

    TARGET is package.module:Name or path/to/file.py:Name: a collator class (built with the tokenizer and --arg
    values), a collator instance, a batch function or a per-example function returning input_ids and labels.
    Settings may also come from [tool.chatlint.labels] in pyproject.toml; options given here win.

    \b
    Built-in targets (a trainer's own preprocessing):
      trl:sft                trl's SFTTrainer preprocessing and collator (trl 0.24.0 or 1.16.0: release=...);
                             SFTConfig values as --arg: assistant_only_loss, completion_only_loss, max_length,
                             dataset_text_field, pad_token, eos_token, padding_free, pad_to_multiple_of,
                             truncation_mode (packing off)
      axolotl:chat_template  axolotl's chat_template strategy factory (needs axolotl installed) with
                             --config axolotl.yml; any factory module:Name works with --config

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
        for warning in config.warnings:
            click.echo(f"chatlint labels: warning: {warning}", err=True)
        target = target or config.target
        tokenizer_name = tokenizer_name or config.tokenizer
        target, tokenizer_name = _required(target, tokenizer_name)
        check_before_import(target, tokenizer_name, config.root)
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
            trust_remote_code=bool(trust_remote_code),  # the command line only, never pyproject.toml
            base=config.root,
            sample_fields=dict(parse_field(value) for value in sample_field_values),
            loss_shift=loss_shift or config.loss_shift or "model",
            config=config_file if config_file is not None else config.config,
        )
    except LabelsError as error:
        click.echo(f"chatlint labels: {error}", err=True)
        where = error.where(every_frame=full_traceback)
        if where:
            click.echo(where, err=True)
        ctx.exit(2)
        return

    _show(report, output_format)
    ctx.exit(0 if report.ok else 1)


def _required(target: str | None, tokenizer_name: str | None) -> tuple[str, str]:
    """The target and tokenizer, or the error that says how to give them."""
    from chatlint.labels.model import LabelsError

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
    return target, tokenizer_name


def _show(report: LabelReport, output_format: str) -> None:
    if output_format == "json":
        from chatlint.labels.view import to_json

        click.echo(to_json(report))
    else:
        from rich.console import Console

        from chatlint.labels.view import render_text

        render_text(report, Console(file=sys.stdout, highlight=False, soft_wrap=False))


def check_before_import(target: str, tokenizer_name: str, base: Path | None) -> None:
    """A target or tokenizer that cannot exist, reported before transformers is imported (which takes seconds).
    Only what is certainly missing is reported here; everything else is left to the loaders."""
    from importlib.machinery import PathFinder

    from chatlint.labels.builtins import BUILTINS, resolve_alias
    from chatlint.labels.model import LabelsError

    folders = [Path.cwd()] + ([base] if base is not None else [])
    module_part = "" if target in BUILTINS else resolve_alias(target).rpartition(":")[0]
    if module_part.endswith(".py") or "/" in module_part or "\\" in module_part:
        if not any((folder / module_part).is_file() for folder in folders) and not Path(module_part).is_file():
            raise LabelsError(f"target file {module_part!r} does not exist")
    elif module_part:
        top = module_part.split(".")[0]
        if PathFinder.find_spec(top, [str(folder) for folder in folders] + sys.path) is None:
            raise LabelsError(
                f"target {target!r}: cannot import module {module_part!r} (no module named {top!r} here or in the "
                "environment); run from the folder that holds it, install the package, or use path/to/file.py:Name"
            )
    if any((folder / tokenizer_name).exists() for folder in folders) or Path(tokenizer_name).expanduser().exists():
        return
    parts = tokenizer_name.split("/")
    if len(parts) == 2 and all(parts) and not tokenizer_name.startswith((".", "~")):
        cache = Path(os.environ.get("HF_HUB_CACHE") or Path(os.environ.get("HF_HOME", "~/.cache/huggingface")) / "hub")
        if (cache.expanduser() / f"models--{parts[0]}--{parts[1]}").is_dir():
            return
    raise LabelsError(
        f"cannot load tokenizer {tokenizer_name!r}: it is not a folder here and not in the local Hugging Face cache "
        f"(chatlint never downloads: run `hf download {tokenizer_name}` (the Hugging Face CLI) first, or pass the "
        "folder that holds tokenizer.json / tokenizer_config.json)"
    )
