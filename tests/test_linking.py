"""The project step's pieces on their own: reading the imports of a module the rules did not parse, choosing the
import statements worth parsing, and remembering the summaries of modules read from disk."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from chatlint import cache as cache_module
from chatlint.engine import imports_in_text, summarize_text
from chatlint.facts.handed import HandedInstance, handed_instances
from chatlint.facts.links import Imported, Links
from chatlint.facts.summary import ImportRef, ModuleSummary
from chatlint.import_uses import imports_any
from chatlint.linking import Project

MODULE = textwrap.dedent(
    '''\
    """Docs that say: import this module
    from here import nothing
    """
    import os, sys
    import pkg.utils as u
    from .chat import (
        render_chat,
        to_text as text_of,  # a comment inside the parentheses
    )
    x = 1; import json  # not at the start of a line: not read


    def late():
        from ..data import process
        return process
    '''
)


def _names(refs: tuple[ImportRef, ...]) -> list[tuple[str, str, str | None, int]]:
    return [(ref.local, ref.module, ref.symbol, ref.level) for ref in refs]


def test_imports_in_text_reads_the_statements_by_their_lines() -> None:
    assert _names(imports_in_text(MODULE)) == [
        ("nothing", "here", "nothing", 0),  # a docstring's line that parses as an import (it resolves to nothing)
        ("os", "os", None, 0),
        ("sys", "sys", None, 0),
        ("u", "pkg.utils", None, 0),
        ("render_chat", "chat", "render_chat", 1),
        ("text_of", "chat", "to_text", 1),
        ("process", "data", "process", 2),
    ]


def test_imports_in_text_parses_only_the_statements_kept() -> None:
    kept = imports_in_text(MODULE, keep=lambda statement: "render_chat" in statement)
    assert _names(kept) == [("render_chat", "chat", "render_chat", 1), ("text_of", "chat", "to_text", 1)]
    assert imports_in_text(MODULE, keep=lambda statement: False) == ()


def _project(tmp_path: Path) -> Project:
    text = "def process(tok, ex):\n    return tok.apply_chat_template(ex['messages'], tokenize=False)\n"
    renderer = summarize_text(str(tmp_path / "data.py"), text)
    assert renderer is not None
    return Project(tmp_path, summarize_text, [renderer])


def test_statements_worth_reading_are_those_that_may_bind_a_renderer(tmp_path: Path) -> None:
    keep = _project(tmp_path).statements_worth_reading("from data import process\nutils.processor()\n", False)
    assert keep is not None
    assert keep("from data import process") and keep("from helpers import *")
    assert not keep("import utils") and not keep("from torch import nn")


def test_every_statement_is_worth_reading_when_a_renderer_is_called_through_a_module(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert project.statements_worth_reading("import data\ndata.process(row)\n", False) is None
    assert project.statements_worth_reading("import os\n", True) is None  # sets pad = EOS: every mask matters


def test_a_summary_read_from_disk_is_remembered_by_content(tmp_path: Path) -> None:
    cache = cache_module.ResultCache(tmp_path / "cache", ("settings",))
    built: list[str] = []

    def build(text: str) -> ModuleSummary | None:
        built.append(text)
        return summarize_text("data.py", text)

    text = "def to_text(tok, ex):\n    return tok.apply_chat_template(ex['messages'], tokenize=False)\n"
    first = cache.summary("data.py", text, lambda: build(text))
    assert first is not None and [item.name for item in first.texts] == ["to_text"]
    cache.save()
    again = cache_module.ResultCache(tmp_path / "cache", ("settings",))
    assert again.summary("data.py", text, lambda: build(text)) == first
    assert len(built) == 1  # the second came from the cache file
    changed = text.replace("to_text", "as_text")
    summary = again.summary("data.py", changed, lambda: build(changed))
    assert summary is not None and [item.name for item in summary.texts] == ["as_text"] and len(built) == 2


def test_a_crafted_summary_in_the_cache_is_built_again(tmp_path: Path) -> None:
    cache = cache_module.ResultCache(tmp_path / "cache", ("settings",))
    text = "import os\n"
    key = cache_module.entry_key("data.py") + "\0summary"
    digest = cache_module.content_digest(text.encode())
    cache.entries[key] = {"digest": digest, "result": {"__type__": "ModuleSummary", "path": "data.py", "texts": 3}}
    fresh = ModuleSummary("data.py")
    assert cache.summary("data.py", text, lambda: fresh) is fresh
    assert cache.summary("data.py", text, lambda: None) == fresh  # rewritten, then read back


def test_a_package_that_only_reexports_a_renderer_is_read_for_its_imports_alone(tmp_path: Path) -> None:
    """An `__init__.py` that mentions the template (a docstring) but only re-exports the wrapper: its imports are
    read to find the wrapper, and nothing else of it is summarised."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text('"""apply_chat_template helpers."""\nfrom .chat import render_chat\n')
    wrapper = "def render_chat(tok, messages, add_generation_prompt=False):\n"
    wrapper += "    return tok.apply_chat_template(messages, add_generation_prompt=add_generation_prompt)\n"
    (package / "chat.py").write_text(wrapper)
    summarized: list[str] = []

    def summarizer(name: str, text: str, links: object = None) -> ModuleSummary | None:
        summarized.append(Path(name).name)
        return summarize_text(name, text)

    project = Project(tmp_path, summarizer, (), imports_in_text, eager=True)
    importer = tmp_path / "train.py"
    links = project.links_for(str(importer), imports_in_text("from pkg import render_chat\n"))
    assert links.names["render_chat"].summary.wrapper("render_chat") is not None
    assert summarized == ["chat.py"]


TOKENIZATION = textwrap.dedent(
    """\
    def encode(tok, text, max_length=512):
        return tok(text, truncation=True, max_length=max_length)["input_ids"]


    def encode_with(tok, text, add_special_tokens=True):
        return tok.encode(text, add_special_tokens=add_special_tokens)


    def encode_plain(tok, text):
        return tok(text, add_special_tokens=False)["input_ids"]


    def encode_changed(tok, text):
        text = text.strip()
        return tok(text)


    class Encoder:
        def encode(self, text):
            return self.tokenizer(text)
    """
)


def test_a_summary_names_the_functions_that_tokenize_a_parameter_with_special_tokens() -> None:
    summary = summarize_text("tokenization.py", TOKENIZATION)
    assert summary is not None
    found = {item.name: item for item in summary.tokenizers}
    # off inside, a parameter changed before: nothing a caller's rendered text is judged by; a method of the same
    # name as a function is a helper of its own (`Encoder.encode`, what an importer's `Encoder(...).encode(text)` is)
    assert set(found) == {"encode", "encode_with", "Encoder.encode"}
    encode, encode_with = found["encode"], found["encode_with"]
    assert (encode.line, encode.params, encode.text) == (2, ("tok", "text", "max_length"), "text")
    assert (encode.flag.parameter, encode.flag.value, encode.flag.present) == (None, True, False)
    assert (encode_with.flag.parameter, encode_with.flag.value) == ("add_special_tokens", True)
    assert summary.renderers == frozenset()  # a tokenizer helper alone does not make its users worth linking
    assert summary.digest != ModuleSummary("tokenization.py").digest
    assert summarize_text("plain.py", "def f(x):\n    return x\n") == ModuleSummary("plain.py")


def test_a_tokenizing_helper_is_placed_at_the_call_every_path_runs() -> None:
    # a fallback under an `if` comes first in the text, the call every caller reaches after it: that is where the
    # second BOS is added (and where the fix goes)
    text = textwrap.dedent(
        """\
        def generate(model, tokenizer, prompt, plugins=()):
            for plugin in plugins:
                if plugin.handles(prompt):
                    return plugin.run(tokenizer.encode(prompt))
            input_ids = tokenizer.encode(prompt, return_tensors="np")
            return model.generate(input_ids)
        """
    )
    summary = summarize_text("generation.py", text)
    assert summary is not None
    assert [(item.name, item.line) for item in summary.tokenizers] == [("generate", 5)]


def test_a_summary_names_the_functions_that_tokenize_a_column_of_their_row() -> None:
    text = textwrap.dedent(
        """\
        def encode(example, tok, cfg):
            return tok(example[cfg.text_field], truncation=True)


        def encode_literal(row, tok):
            return tok(row["text"])


        def encode_off(row, tok):
            return tok(row["text"], add_special_tokens=False)


        def encode_second(tok, row):
            return tok(row["text"])
        """
    )
    summary = summarize_text("encode.py", text)
    assert summary is not None
    found = {item.name: (item.text, item.column) for item in summary.tokenizers}
    # special tokens off, or the row not the first parameter (not what `.map()` hands a function): left out
    assert found == {"encode": ("example", "{text_field}"), "encode_literal": ("row", "text")}
    assert summary.columns_named == frozenset({"{text_field}", "text"})


def test_a_summary_names_what_loads_the_checkpoint_a_parameter_names() -> None:
    text = textwrap.dedent(
        """\
        from transformers import AutoTokenizer
        from vllm import LLM


        class Engine:
            def __init__(self, tp, model_path):
                self.llm = LLM(model=model_path, tensor_parallel_size=tp)


        def load(name):
            return AutoTokenizer.from_pretrained(name)


        def load_changed(name):
            name = name.strip()
            return AutoTokenizer.from_pretrained(name)


        class Later:
            def start(self, model):
                self.llm = LLM(model=model)
        """
    )
    summary = summarize_text("serving.py", text)
    assert summary is not None
    # a parameter changed before it is loaded, or one of a method other than `__init__`: left out
    assert [(item.name, item.params, item.param) for item in summary.checkpoint_loaders] == [
        ("Engine", ("tp", "model_path"), "model_path"),
        ("load", ("name",), "name"),
    ]


def test_a_package_that_binds_a_submodules_name_to_its_function_gives_the_function(tmp_path: Path) -> None:
    """`from pkg import encode` when `pkg/encode.py` defines `encode` and `pkg/__init__.py` imports it: Python binds
    the function (the `__init__`'s import comes after the submodule's), so the function's summary is what is told."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("from .encode import encode\n")
    (package / "encode.py").write_text("def encode(row, tok):\n    return tok(row['text'])\n")
    (package / "render.py").write_text("def render(tok, m):\n    return tok.apply_chat_template(m, tokenize=False)\n")
    project = Project(tmp_path, summarize_text, (), imports_in_text, eager=True)
    importer = str(tmp_path / "train.py")
    text = "from pkg import encode, render\nds.map(encode)\n"
    links = project.links_for(importer, imports_in_text(text), text=text)
    assert links.names["encode"].symbol == "encode"
    assert links.tokenizer(ast.Name("encode")) is not None
    # a submodule the package does not rebind is the module
    assert links.names["render"].symbol is None


def test_a_package_whose_modules_all_import_each_other_is_followed_once_per_module(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # a small run follows every import of a module read from disk; with every module importing every other one, a
    # walk that followed each module once per path reached it (as smolagents' package once made it) reads the
    # same imports thousands of times
    from chatlint import project_step
    from chatlint.config import Config
    from chatlint.runner import Runner, RunOptions

    names = [f"m{number}" for number in range(8)]
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    for name in names:
        others = ", ".join(other for other in names if other != name)
        calls = "\n".join(f"    {other}.helper(x)" for other in names if other != name)
        (package / f"{name}.py").write_text(
            f"from pkg import {others}\n\n\ndef helper(x):\n{calls}\n", encoding="utf-8"
        )
    (tmp_path / "train.py").write_text(
        "from pkg.m0 import helper\n\n\ndef collate(tokenizer, example):\n"
        '    ids = tokenizer.apply_chat_template(example["messages"], add_generation_prompt=True)\n'
        "    return helper(ids)\n",
        encoding="utf-8",
    )
    reads: list[int] = []
    original = project_step.imports_in_text

    def counted(text, keep=None):  # type: ignore[no-untyped-def]
        reads.append(1)
        return original(text, keep)

    monkeypatch.setattr(project_step, "imports_in_text", counted)
    Runner(Config(root=tmp_path), RunOptions(use_cache=False)).run([str(tmp_path / "train.py")])
    assert len(reads) <= 3 * (len(names) + 2)


def test_handed_instances_are_built_in_the_call_or_assigned_once() -> None:
    module = ast.parse(
        "def train(rows, tok):\n"
        "    builder = Builder(tok)\n"
        "    first = Dataset(rows, builder)\n"
        "    second = Dataset(rows, builder=Builder(tok))\n"
        "    other = Builder(tok)\n"
        "    other = make()\n"
        "    third = Dataset(rows, other)\n"
        "    fourth = Dataset(*rows, builder)\n"
        "    return first, second, third, fourth\n"
    )
    found = handed_instances(module, frozenset({"Builder"}))
    assert set(found) == {HandedInstance("Dataset", "#1", "Builder"), HandedInstance("Dataset", "builder", "Builder")}


def test_two_callers_handing_different_classes_leave_the_parameter_unknown() -> None:
    """`Links.hand` keeps a parameter's class only while every caller hands the same one."""
    first = Imported(ModuleSummary("a.py"), "ChatFormatter")
    second = Imported(ModuleSummary("b.py"), "GenerationFormatter")
    links = Links()
    links.hand("SupervisedSet", "#1", first)
    links.hand("SupervisedSet", "#1", first)
    assert links.param_classes == {("SupervisedSet", "#1"): "ChatFormatter"}
    links.hand("SupervisedSet", "#1", second)
    assert links.param_classes == {("SupervisedSet", "#1"): ""}


@pytest.mark.parametrize(
    ("text", "imported"),
    [
        ("from data.chat import process\n", True),
        ("from data.chat import (\n    load,\n    process,\n)\n", True),
        ("import data.chat as chat\n\nrows = chat.process(rows)\n", True),
        ("from data.chat import *\n\nrows = process(rows)\n", True),
        ("# process the rows first\nrows = load(rows)\n", False),
        ("def process(rows):\n    return rows\n\n\nrows = process(rows)\n", False),
        ("from data.chat import (load)\n\n\ndef process(rows):\n    return load(rows)\n", False),
        ("from data.chat import processor\n", False),
    ],
    ids=["from", "parenthesized", "through-module", "star", "comment", "own-function", "after-import", "longer"],
)
def test_a_module_is_read_for_a_known_renderer_only_when_it_imports_it(text: str, imported: bool) -> None:
    """The project step reads a module that did not pass the prefilter for a renderer another module defines
    (`process`) only when it imports the name or reaches it through a module: a mention in a comment, or a function
    of its own of the same name, is not a use of the renderer."""
    assert imports_any(["process"])(text) is imported


def test_a_registry_a_decorator_fills_is_known_by_its_factories() -> None:
    from chatlint.facts.built_classes import decorated_registry_factories

    module = ast.parse(
        textwrap.dedent(
            """\
            MODELS: dict[str, type] = {}
            FIXED = {"a": int}


            def register(name):
                def decorate(cls):
                    MODELS[name] = cls
                    return cls

                return decorate


            def get_class(name):
                return MODELS[name]


            def build(name, cfg):
                return MODELS[name](cfg)


            def fixed(name):
                return FIXED[name]


            def lookup(name):
                return MODELS.get(name)
            """
        )
    )
    # the dict filled by the decorator (itself, for a module that indexes it), read by subscript (a `.get` is not
    # followed); a dict of fixed entries is `registry_members`' business, not this one's
    expected = {"MODELS": "register", "get_class": "register", "build": "register"}
    assert decorated_registry_factories(module) == expected


def test_the_implementations_of_an_interface_are_looked_for_two_levels_below_its_folder(tmp_path: Path) -> None:
    from chatlint import linking

    for relative in ("a.py", "sub/b.py", "sub/deeper/c.py", "sub/deeper/too/d.py", ".hidden/e.py"):
        path = tmp_path / "pkg" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("")
    found = [path.relative_to(tmp_path / "pkg").as_posix() for path in linking._below(tmp_path / "pkg")]
    assert found == ["a.py", "sub/b.py", "sub/deeper/c.py"]


def test_a_summary_does_not_depend_on_the_order_of_its_functions() -> None:
    """A loader returning `rows.map(to_pair, ...)` returns a dataset with the render in `prompt_text`, also when the
    row function (and the helper it renders with) was summarised first: the dataset columns found while its columns
    were being resolved (cut short by the resolution's own guard) are not kept for the loader. The data module of a
    project example, read alone as a module another run imports."""
    path = Path(__file__).parent.parent / "rules" / "CL002" / "project_loader_collate_fn" / "prefs" / "data.py"
    summary = summarize_text("prefs/data.py", path.read_text())
    assert summary is not None
    datasets = {item.name: item.columns for item in summary.texts if item.dataset}
    assert datasets == {"load_pairs": ("prompt_text",)}
