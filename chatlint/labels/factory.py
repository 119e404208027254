"""Factory targets and the training config they read (``--config axolotl.yml``).

Config-driven pipelines choose and tune their tokenization from a YAML file: axolotl's ``chat_template``
strategy is built by ``axolotl.prompt_strategies.chat_template.load(tokenizer, cfg, ds_cfg)``, and the object it
returns turns one dataset row into ``input_ids`` and ``labels`` (its ``tokenize_prompt`` method). With
``--config``, TARGET is such a factory: it is called with the tokenizer, the config and the config's dataset
entry, and what it returns (a callable, or an object with ``tokenize_prompt``) is run on each record.

From the config file chatlint itself reads only what the check needs to match the pipeline: the ``datasets:``
entry of type ``chat_template`` (its ``field_messages``, ``message_property_mappings`` or
``message_field_role`` / ``message_field_content`` name the sample's fields), the chat template it names
(``chat_template``, ``chat_template_jinja``, top level or in the entry: the reference renders with the same one)
and ``sequence_len`` (the truncation length). The factory receives the whole file.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chatlint.labels.model import LabelsError
from chatlint.labels.targets import TOKENIZER_PARAMETERS, Target

CONFIG_PARAMETERS = ("cfg", "config")
DATASET_PARAMETERS = ("ds_cfg", "dataset_config", "dataset_cfg", "ds_config")
STRATEGY_TYPE = "chat_template"
TOKENIZER_DEFAULT = "tokenizer_default"
# axolotl's defaults for the top-level keys its chat_template strategy reads (its config schema fills them)
CONFIG_DEFAULTS: dict[str, Any] = {"sequence_len": 512, "train_on_inputs": False}


class ConfigView(dict):
    """A config mapping whose keys read as attributes too, ``None`` when absent (what axolotl's ``DictDefault``
    does; used when axolotl is not importable)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        value = self.get(name)
        return ConfigView(value) if isinstance(value, dict) and not isinstance(value, ConfigView) else value


@dataclass
class TrainingConfig:
    """What was read from ``--config``."""

    path: Path
    values: dict[str, Any]  # the whole file, with axolotl's defaults for the keys the strategy reads
    dataset: dict[str, Any]  # the datasets entry of type chat_template
    dataset_index: int
    sample_fields: dict[str, str] = field(default_factory=dict)  # --sample-field values it implies

    @property
    def sequence_len(self) -> int | None:
        value = self.values.get("sequence_len")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def template_choice(self) -> tuple[str, str | None]:
        """The chat template the pipeline uses: axolotl's choice name and the jinja text given with it (the
        dataset entry's, when it names one, else the top level's)."""
        source = self.dataset if self.dataset.get("chat_template") else self.values
        return str(source.get("chat_template") or TOKENIZER_DEFAULT), source.get("chat_template_jinja")


def read_config(path: str | Path, base: Path | None = None) -> TrainingConfig:
    """Read an axolotl-style YAML config: its chat_template dataset entry and the keys the check needs."""
    path = Path(path)
    if not path.exists() and base is not None and (base / path).exists():
        path = base / path
    try:
        import yaml
    except ImportError as error:
        raise LabelsError("--config needs PyYAML: pip install pyyaml (the runtime extra has it)") from error
    try:
        values = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise LabelsError(f"cannot read the config file {path}: {error.strerror or error}") from error
    except yaml.YAMLError as error:
        raise LabelsError(f"{path}: not valid YAML: {str(error).splitlines()[0]}") from error
    if not isinstance(values, dict):
        raise LabelsError(f"{path}: expected a YAML mapping of settings, got {type(values).__name__}")
    index, dataset = _chat_template_dataset(values, path)
    config = TrainingConfig(path, {**CONFIG_DEFAULTS, **values}, dataset, index)
    config.sample_fields = _sample_fields(dataset, path, index)
    return config


def _chat_template_dataset(values: dict[str, Any], path: Path) -> tuple[int, dict[str, Any]]:
    datasets = values.get("datasets")
    if not isinstance(datasets, list) or not datasets:
        raise LabelsError(f"{path}: no 'datasets:' list, so no dataset entry of type {STRATEGY_TYPE} to check")
    for index, entry in enumerate(datasets):
        if isinstance(entry, dict) and str(entry.get("type", "")).split(".")[0] == STRATEGY_TYPE:
            return index, entry
    types = [entry.get("type") if isinstance(entry, dict) else entry for entry in datasets]
    raise LabelsError(f"{path}: no 'datasets:' entry has type {STRATEGY_TYPE} (types: {types})")


def _sample_fields(dataset: dict[str, Any], path: Path, index: int) -> dict[str, str]:
    """The --sample-field values the entry implies: where the rows keep the messages, roles and contents."""
    where = f"{path}: datasets[{index}]"
    fields: dict[str, str] = {}
    if dataset.get("field_messages") is not None:
        fields["messages"] = _name(dataset["field_messages"], f"{where}.field_messages")
    mappings = dataset.get("message_property_mappings") or {}
    if not isinstance(mappings, dict):
        raise LabelsError(f"{where}.message_property_mappings must be a mapping, e.g. {{role: from, content: value}}")
    for name in ("role", "content"):
        value = mappings.get(name, dataset.get(f"message_field_{name}"))
        if value is not None:
            fields[name] = _name(value, f"{where}.message_property_mappings.{name}")
    return fields


def _name(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise LabelsError(f"{where} must be a field name, got {value!r}")
    return value


def reference_template(config: TrainingConfig, tokenizer: Any, config_object: Any) -> tuple[str | None, str]:
    """The chat template the pipeline renders with (None: the tokenizer's own), and a note saying which."""
    choice, jinja = config.template_choice()
    if choice == TOKENIZER_DEFAULT or (
        choice.startswith(f"{TOKENIZER_DEFAULT}_fallback_") and getattr(tokenizer, "chat_template", None)
    ):
        return None, f"{config.path.name}: chat_template {choice}: the tokenizer's own template"
    if choice == "jinja":
        if not isinstance(jinja, str) or not jinja.strip():
            raise LabelsError(f"{config.path}: chat_template is jinja but chat_template_jinja gives no template text")
        return jinja, f"{config.path.name}: chat_template jinja: the config's chat_template_jinja"
    try:
        from axolotl.utils.chat_templates import get_chat_template_from_config
    except Exception as error:
        raise LabelsError(
            f"{config.path}: chat_template {choice!r} names one of axolotl's built-in templates, which needs axolotl "
            "installed to read; or give the template itself (chat_template: jinja with chat_template_jinja)"
        ) from error
    try:
        text = get_chat_template_from_config(cfg=config_object, ds_cfg=config.dataset, tokenizer=tokenizer)
    except Exception as error:
        raise LabelsError(
            f"{config.path}: axolotl cannot give chat_template {choice!r}: {type(error).__name__}: {error}"
        ) from error
    return text, f"{config.path.name}: chat_template {choice}: axolotl's template of that name"


def config_object(config: TrainingConfig) -> Any:
    """The config as the factory expects it: axolotl's ``DictDefault`` when axolotl is importable."""
    try:
        from axolotl.utils.dict import DictDefault
    except Exception:
        return ConfigView(config.values)
    return DictDefault(config.values)


@dataclass
class TokenizingCallable:
    """What the factory returned, run on one record; ``max_length`` is the config's ``sequence_len``."""

    function: Any
    max_length: int | None

    def __call__(self, record: Any) -> Any:
        return self.function(record)


def build_factory_target(
    factory: Any, tokenizer: Any, config: TrainingConfig, args: dict[str, Any], spec: str
) -> Target:
    """Call ``factory`` with the tokenizer, the config and its dataset entry (by parameter name, plus the
    ``--arg`` values) and wrap the tokenizing callable it returns."""
    cfg = config_object(config)
    keywords = _factory_arguments(factory, tokenizer, cfg, config.dataset, args, spec)
    try:
        made = factory(**keywords)
    except Exception as error:
        raise LabelsError(
            f"target {spec!r}: calling the factory with the config of {config.path.name} raised "
            f"{type(error).__name__}: {error}",
            raised=error,
        ) from error
    function = made if callable(made) else getattr(made, "tokenize_prompt", None)
    if not callable(function):
        raise LabelsError(
            f"target {spec!r}: the factory returned a {type(made).__name__}, which is neither callable nor has a "
            "tokenize_prompt method; with --config, TARGET is a function whose result turns one row into input_ids "
            "and labels"
        )
    return Target("factory", TokenizingCallable(function, config.sequence_len), {})


def _factory_arguments(
    factory: Any, tokenizer: Any, cfg: Any, dataset: dict[str, Any], args: dict[str, Any], spec: str
) -> dict[str, Any]:
    try:
        parameters = inspect.signature(factory).parameters
    except (TypeError, ValueError) as error:
        raise LabelsError(f"target {spec!r}: cannot read the factory's parameters ({error})") from error
    keywords: dict[str, Any] = {}
    tokenizer_name = next((name for name in TOKENIZER_PARAMETERS if name in parameters), None)
    for name, parameter in parameters.items():
        if name in args:
            keywords[name] = args[name]
        elif name == tokenizer_name:
            keywords[name] = tokenizer
        elif name in CONFIG_PARAMETERS:
            keywords[name] = cfg
        elif name in DATASET_PARAMETERS:
            keywords[name] = dataset
        elif parameter.default is inspect.Parameter.empty and parameter.kind not in (
            inspect.Parameter.VAR_POSITIONAL,
            inspect.Parameter.VAR_KEYWORD,
        ):
            raise LabelsError(
                f"target {spec!r}: the factory's parameter {name!r} is not the tokenizer ({', '.join(TOKENIZER_PARAMETERS)}), "
                f"the config ({', '.join(CONFIG_PARAMETERS)}) or the dataset entry ({', '.join(DATASET_PARAMETERS)}); "
                f"pass it with --arg {name}=VALUE"
            )
    unknown = sorted(set(args) - set(keywords))
    if unknown and not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        raise LabelsError(f"target {spec!r}: the factory takes no parameter {', '.join(unknown)} (--arg)")
    keywords.update({name: args[name] for name in unknown})
    return keywords
