"""How a dataset column's name is read when the code does not write it literally (`facts.column_names`)."""

from __future__ import annotations

import ast
import textwrap

from chatlint.facts.column_names import (
    checkpoint_fields_handed,
    checkpoint_fields_read,
    checkpoint_path,
    declared_defaults,
    exported_defaults,
    model_tables,
    module_constants,
    option_checkpoint_defaults,
    option_defaults,
    text_fields_read,
)
from chatlint.facts.syntax import path_string

CONFIG = textwrap.dedent(
    """\
    import argparse
    from dataclasses import dataclass, field

    LOG_NAME = "train"
    TEXT = "text"
    SWITCHED = "a"
    SWITCHED = "b"


    @dataclass
    class DataArgs:
        text_column: str = field(default="text", metadata={"help": "..."})
        prompt_key = "prompt"
        epochs: int = 3


    @dataclass
    class OtherArgs:
        prompt_key: str = "question"


    def options():
        parser = argparse.ArgumentParser()
        parser.add_argument("--text-field", default="body")
        parser.add_argument("--column", dest="chosen_column", default="chosen")
        parser.add_argument("model_name", default="m")
        parser.add_argument("-v", default="quiet")
        return parser.parse_args()


    def use(row):
        return row[TEXT], {SWITCHED: 1}, LOG_NAME
    """
)


def test_module_constants_are_single_strings_used_as_keys() -> None:
    # LOG_NAME is never a key; SWITCHED has two values
    assert module_constants(ast.parse(CONFIG), CONFIG) == {"TEXT": "text"}


def test_declared_defaults_name_their_owner() -> None:
    assert declared_defaults(ast.parse(CONFIG)) == [
        ("DataArgs", "text_column", "text"),
        ("DataArgs", "prompt_key", "prompt"),
        ("OtherArgs", "prompt_key", "question"),
        ("options", "text_field", "body"),
        ("options", "chosen_column", "chosen"),
        ("options", "model_name", "m"),
    ]


def test_a_field_with_two_defaults_is_left_out() -> None:
    defaults = option_defaults(ast.parse(CONFIG))
    assert "prompt_key" not in defaults
    assert defaults["text_column"] == "text" and defaults["text_field"] == "body"


def test_exported_defaults_keep_only_fields_named_for_a_text_column_or_naming_a_checkpoint() -> None:
    assert exported_defaults(ast.parse(CONFIG), CONFIG) == (
        ("DataArgs", "text_column", "text"),
        ("options", "text_field", "body"),
    )
    assert exported_defaults(ast.parse("x: str = 'a'\n"), "x: str = 'a'\n") == ()
    config = "class EvalConfig:\n    model: str = 'Qwen/Qwen2.5-7B-Instruct'\n    data_path: str = 'data/eval.jsonl'\n"
    assert exported_defaults(ast.parse(config), config) == (("EvalConfig", "model", "Qwen/Qwen2.5-7B-Instruct"),)


def test_checkpoint_fields_read_are_the_fields_a_checkpoint_is_loaded_from() -> None:
    text = "tok = AutoTokenizer.from_pretrained(cfg.model)\nm = X.from_pretrained(args.model_name_or_path, dtype=d)\n"
    assert checkpoint_fields_read(text) == {"model", "model_name_or_path"}
    assert checkpoint_fields_read("AutoTokenizer.from_pretrained(MODEL_ID)\n") == frozenset()


def test_checkpoint_fields_handed_are_the_model_fields_a_class_is_given() -> None:
    # handed to a class that may load it (an engine wrapper, vLLM's `LLM`): only fields named for a model
    handed = "engine = VLLMEngine(cfg.model, cfg.tp)\nllm = LLM(model=args.model_path)\nw = Writer(cfg.output_dir)\n"
    assert checkpoint_fields_handed(handed) == {"model", "model_path"}
    assert checkpoint_fields_read(handed) == frozenset()


def test_text_fields_read_are_the_row_subscripts_by_a_config_field() -> None:
    text = "enc = tok(example[data_args.text_column])\nother = row[cfg.data.text_key]\nx = row[args.model]\n"
    assert text_fields_read(text) == {"text_column", "text_key"}


def _expression(text: str) -> ast.expr:
    statement = ast.parse(text).body[0]
    assert isinstance(statement, ast.Expr)
    return statement.value


def test_a_path_names_its_last_part_where_the_code_writes_it() -> None:
    written = {
        'str(ROOT / "models" / "Qwen2.5-Coder-3B-Instruct")': "Qwen2.5-Coder-3B-Instruct",
        'os.path.join(HOME, "models", "Meta-Llama-3-8B")': "Meta-Llama-3-8B",
        'f"{ROOT}/models/qwen3-8b"': "/models/qwen3-8b",
        'Path(args.out) / "tokenizer"': "tokenizer",
        '"Qwen/Qwen2.5-7B-Instruct"': "Qwen/Qwen2.5-7B-Instruct",
    }
    for text, name in written.items():
        assert path_string(_expression(text)) == name, text
    for text in ('f"{ROOT}/models/{name}"', "ROOT / name", '"runs/" + run_name'):
        assert path_string(_expression(text)) is None, text


def test_a_checkpoint_path_is_one_whose_last_part_names_a_model_family() -> None:
    assert checkpoint_path(_expression('ROOT / "models" / "Qwen2.5-Coder-3B-Instruct"')) == "Qwen2.5-Coder-3B-Instruct"
    assert checkpoint_path(_expression('ROOT / "outputs" / "sft-run-7"')) is None
    assert checkpoint_path(_expression('"Qwen/Qwen2.5-7B-Instruct"')) is None  # (a literal is no path expression)
    text = 'MODEL = str(ROOT / "models" / "Meta-Llama-3.1-8B-Instruct")\nOUT = ROOT / "runs"\n'
    assert module_constants(ast.parse(text), text) == {"MODEL": "Meta-Llama-3.1-8B-Instruct"}


def test_an_option_default_may_name_an_imported_constant() -> None:
    text = 'from settings import BASE_MODEL\nparser.add_argument("--base-model", default=BASE_MODEL)\n'
    assert option_defaults(ast.parse(text)) == {}
    imported = {"BASE_MODEL": "Qwen/Qwen2.5-Coder-3B-Instruct"}
    assert option_defaults(ast.parse(text), imported=imported) == {"base_model": "Qwen/Qwen2.5-Coder-3B-Instruct"}


def test_model_tables_name_the_family_every_entry_shares():
    module = ast.parse(
        textwrap.dedent(
            """\
            MODELS = {
                "qwen-7b": {"checkpoint": "Qwen/Qwen2.5-7B-Instruct", "dtype": "bfloat16"},
                "qwen-14b": {"checkpoint": "Qwen/Qwen2.5-14B-Instruct", "dtype": "float16"},
            }
            PATHS = {"small": "meta-llama/Llama-3.2-1B-Instruct", "large": "meta-llama/Llama-3.1-8B-Instruct"}
            MIXED = {"a": "Qwen/Qwen2.5-7B-Instruct", "b": "meta-llama/Llama-3.1-8B-Instruct"}
            UNKNOWN = {"a": {"checkpoint": "org/our-model"}}
            PARTLY = {"a": {"checkpoint": "Qwen/Qwen2.5-7B-Instruct"}, "b": {"checkpoint": "org/our-model"}}
            SPREAD = {**MODELS}
            REBOUND = {"a": "Qwen/Qwen2.5-7B-Instruct"}
            REBOUND = {"a": "meta-llama/Llama-3.1-8B-Instruct"}
            """
        )
    )
    # one family in every entry: the table's checkpoint, whichever key a run picks (not for a field that is not one)
    assert model_tables(module) == {
        "MODELS[*][checkpoint]": "Qwen/Qwen2.5-7B-Instruct",
        "PATHS[*]": "meta-llama/Llama-3.2-1B-Instruct",
    }


def test_model_tables_read_rows_built_by_a_class_and_functions_that_return_a_row():
    module = ast.parse(
        textwrap.dedent(
            """\
            from dataclasses import dataclass

            from elsewhere import Imported


            @dataclass
            class Spec:
                repo_id: str
                context: int = 4096


            SPECS = {"a": Spec("Qwen/Qwen2.5-0.5B-Instruct", 32768), "b": Spec(repo_id="Qwen/Qwen2.5-7B-Instruct")}
            # positional values of a class the module does not define fill no known field
            OPAQUE = {"a": Imported("Qwen/Qwen2.5-0.5B-Instruct"), "b": Imported("Qwen/Qwen2.5-7B-Instruct")}


            def resolve(alias):
                try:
                    return SPECS[alias]
                except KeyError:
                    raise SystemExit(alias)


            def lookup(alias):
                return SPECS.get(alias)


            def either(alias, other):
                if other:
                    return OPAQUE[alias]
                return SPECS[alias]


            def maybe(alias):
                if alias:
                    return SPECS[alias]
                return None
            """
        )
    )
    # a function returning a row of one table is kept as that table; one that may return something else is not
    assert model_tables(module) == {
        "SPECS[*][repo_id]": "Qwen/Qwen2.5-0.5B-Instruct",
        "resolve[*][repo_id]": "Qwen/Qwen2.5-0.5B-Instruct",
        "lookup[*][repo_id]": "Qwen/Qwen2.5-0.5B-Instruct",
    }


def test_option_checkpoint_defaults_read_argparse_calls_off_the_text():
    text = textwrap.dedent(
        """\
        parser.add_argument("--checkpoint_dir", default="outputs/Qwen2.5-0.5B-GRPO", help="where (or from where)")
        parser.add_argument(
            "-m",
            "--model-name",
            type=str,
            default='meta-llama/Llama-3.1-8B-Instruct',
        )
        parser.add_argument("--model_path", required=True)
        parser.add_argument("--lr", type=float, default=1e-5)
        """
    )
    # (an option with no string default is "": a run may give it any value)
    assert option_checkpoint_defaults(text) == {
        "checkpoint_dir": {"outputs/Qwen2.5-0.5B-GRPO"},
        "model_name": {"meta-llama/Llama-3.1-8B-Instruct"},
        "model_path": {""},
        "lr": {""},
    }
