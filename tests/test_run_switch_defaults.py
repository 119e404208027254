"""`config_switches.run_switch_defaults`: the template flags every configuration class of a run defaults alike."""

import ast

from chatlint.facts.config_switches import run_switch_defaults, switch_defaults, switch_overrides
from chatlint.findings import Related

CONFIG = """
from dataclasses import dataclass, field


@dataclass
class TemplateConfig:
    add_generation_prompt: bool = True


@dataclass
class RunConfig:
    template: TemplateConfig = field(default_factory=TemplateConfig)
"""


def declared(path: str, text: str) -> tuple[str, tuple[tuple[str, str, bool, int], ...]]:
    return path, switch_defaults(ast.parse(text))


def defaults(
    modules: list[tuple[str, tuple[tuple[str, str, bool, int], ...]]], texts: list[str]
) -> dict[str, tuple[bool, str, Related]]:
    """What the project step computes: the run's overrides are those of every text."""
    return run_switch_defaults(modules, texts, frozenset().union(*map(switch_overrides, texts)))


def test_a_field_every_class_defaults_alike_gives_its_default_and_place() -> None:
    found = defaults([declared("config.py", CONFIG)], [CONFIG])
    default, where, related = found["add_generation_prompt"]
    assert (default, where, related.path, related.line) == (
        True,
        "TemplateConfig.add_generation_prompt",
        "config.py",
        7,
    )


def test_classes_that_disagree_give_nothing() -> None:
    other = "class SamplingConfig:\n    add_generation_prompt: bool = False\n"
    assert defaults([declared("config.py", CONFIG), declared("sampling.py", other)], [CONFIG, other]) == {}


def test_a_command_line_option_of_the_name_gives_nothing() -> None:
    cli = 'parser.add_argument("--add-generation-prompt", action="store_true")\n'
    assert defaults([declared("config.py", CONFIG)], [CONFIG, cli]) == {}


def test_a_configuration_built_with_the_other_value_gives_nothing() -> None:
    train = "cfg = TemplateConfig(add_generation_prompt=False)\n"
    assert defaults([declared("config.py", CONFIG)], [CONFIG, train]) == {}
    same = "cfg = TemplateConfig(add_generation_prompt=True)\n"
    assert "add_generation_prompt" in defaults([declared("config.py", CONFIG)], [CONFIG, same])


def test_other_switch_fields_are_not_template_flags() -> None:
    text = "class ModelArgs:\n    add_bos_token: bool = True\n"
    assert defaults([declared("args.py", text)], [text]) == {}
