"""CL201 (known label bugs in library releases) and the transformers version behind CL005, on small projects.

Each project is a folder with its dependency files and one training file; the run is the command line's
(`chatlint check`), so the project root, the configuration and the resolver are the real ones. No network: the
release metadata a test needs (an installed distribution) is written by the test.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from chatlint.cli import cli
from chatlint.knowledge.library_bugs import (
    AUDITED_IMPORTS,
    AUDITED_SYMBOLS,
    DATA_FILE,
    load_library_bugs,
    markdown_table,
)
from chatlint.rules.cl201_known_library_label_bug import KnownLibraryLabelBug

README = Path(__file__).resolve().parent.parent / "README.md"

TRAIN = """\
from trl.trainer.utils import DataCollatorForChatML

def collator(tokenizer):
    return DataCollatorForChatML(tokenizer=tokenizer, max_length=1024)
"""

UV_LOCK = """version = 1

[[package]]
name = "trl"
version = "{version}"
source = {{ registry = "https://pypi.org/simple" }}
"""

POETRY_LOCK = """[[package]]
name = "trl"
version = "{version}"
optional = false
"""


def project(root: Path, files: dict[str, str], code: str = TRAIN) -> Path:
    (root / ".git").mkdir(parents=True)  # the top of the repository: the project root is found here
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "train.py").write_text(code, encoding="utf-8")
    return root


def findings(root: Path, *options: str, code: str = "CL201") -> list[dict]:
    outcome = CliRunner().invoke(
        cli, ["check", "--no-cache", "--output-format", "json", *options, str(root / "train.py")]
    )
    assert outcome.exit_code in (0, 1), outcome.output
    return [finding for finding in json.loads(outcome.output) if finding["code"] == code]


PINS = {
    "requirements": lambda version: {"requirements.txt": f"torch\ntrl=={version}\n"},
    "pyproject": lambda version: {"pyproject.toml": f'[project]\nname = "x"\ndependencies = ["trl=={version}"]\n'},
    "uv.lock": lambda version: {"uv.lock": UV_LOCK.format(version=version)},
    "poetry.lock": lambda version: {"poetry.lock": POETRY_LOCK.format(version=version)},
}
WHERE = {
    "requirements": "requirements.txt line 2",
    "pyproject": "pyproject.toml line 3",
    "uv.lock": "uv.lock line 4",
    "poetry.lock": "poetry.lock line 2",
}


@pytest.mark.parametrize("how", sorted(PINS))
def test_a_pinned_affected_release_is_flagged_with_its_source(tmp_path: Path, how: str) -> None:
    found = findings(project(tmp_path, PINS[how]("0.12.2")))
    assert [(finding["line"], finding["column"]) for finding in found] == [(1, 1)]
    message = found[0]["message"]
    assert "trl 0.12.2" in message
    assert WHERE[how] in message
    assert "trl issue 2449, PR 2450" in message and "fixed in trl 0.13.0" in message
    assert "`trl>=0.13.0`" in message
    assert found[0]["fix"] is None


@pytest.mark.parametrize("how", sorted(PINS))
def test_the_first_fixed_release_is_quiet(tmp_path: Path, how: str) -> None:
    assert findings(project(tmp_path, PINS[how]("0.13.0"))) == []


def test_the_earlier_bug_has_its_own_entry(tmp_path: Path) -> None:
    found = findings(project(tmp_path, {"requirements.txt": "trl==0.11.2\n"}))
    assert len(found) == 1
    assert "trl issue 2169, PR 2172" in found[0]["message"] and "fixed in trl 0.11.3" in found[0]["message"]


def test_a_range_alone_is_quiet(tmp_path: Path) -> None:
    assert findings(project(tmp_path, {"requirements.txt": "trl>=0.11\n"})) == []
    assert findings(project(tmp_path / "nothing", {})) == []


def install_fake_trl(folder: Path, version: str) -> Path:
    info = folder / f"trl-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: trl\nVersion: {version}\n", encoding="utf-8")
    return folder


def test_the_installed_release_counts_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(install_fake_trl(tmp_path / "site", "0.12.2")))
    root = project(tmp_path / "p", {"requirements.txt": "trl>=0.11\n"})
    assert findings(root) == []
    found = findings(root, "--installed-versions")
    assert len(found) == 1 and "the installed trl" in found[0]["message"]
    (root / "pyproject.toml").write_text("[tool.chatlint]\nuse-installed-versions = true\n", encoding="utf-8")
    assert len(findings(root)) == 1


def test_target_versions_win(tmp_path: Path) -> None:
    files = {
        "requirements.txt": "trl==0.12.2\n",
        "pyproject.toml": '[tool.chatlint]\ntarget-versions = {trl = "0.13.0"}\n',
    }
    assert findings(project(tmp_path / "a", files)) == []
    files["pyproject.toml"] = '[tool.chatlint]\ntarget-versions = {trl = "0.12.1"}\n'
    found = findings(project(tmp_path / "b", files))
    assert len(found) == 1 and "trl 0.12.1" in found[0]["message"] and "target-versions" in found[0]["message"]


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        ("import trl\n\ntrainer = trl.GKDTrainer(model=model, args=args)\n", [3]),
        ("from trl import GKDTrainer, SFTTrainer\n", [1]),
        ("import trl.trainer.utils as u\n\nc = u.DataCollatorForChatML(tokenizer=t)\n", [3]),
        ("def make():\n    from trl.trainer.gkd_trainer import GKDTrainer\n    return GKDTrainer\n", [2]),
        ("from trl import SFTTrainer\n", []),
        ("import trl\n\nprint(trl.__version__)\n", []),
        ("# from trl.trainer.utils import DataCollatorForChatML\nimport control\n", []),
    ],
)
def test_symbols_in_their_disguises(tmp_path: Path, code: str, lines: list[int]) -> None:
    found = findings(project(tmp_path, {"requirements.txt": "trl==0.12.2\n"}, code))
    assert [finding["line"] for finding in found] == lines


# -- CL005 and the transformers version ----------------------------------------------------------------------------

CL005_CODE = """\
def build(example, tokenizer):
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True)
    return len(prompt_ids)
"""


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ({}, "the project names no transformers version, so 5 is possible"),
        ({"requirements.txt": "transformers>=4.40\n"}, "`transformers>=4.40` in requirements.txt line 1 allows"),
        (
            {"pyproject.toml": '[project]\nname = "x"\n[project.optional-dependencies]\nhf = ["transformers"]\n'},
            "`transformers` in pyproject.toml line 4 allows transformers 5",
        ),
        ({"uv.lock": UV_LOCK.replace("trl", "transformers").format(version="5.2.0")}, "transformers 5.2.0 (a lock"),
        ({"pyproject.toml": '[tool.chatlint]\ntarget-versions = {transformers = "5.2"}\n'}, "target-versions"),
    ],
)
def test_cl005_speaks_when_5_is_possible_and_names_why(tmp_path: Path, files: dict[str, str], words: str) -> None:
    found = findings(project(tmp_path, files, CL005_CODE), code="CL005")
    assert len(found) == 1
    assert words in found[0]["message"]


@pytest.mark.parametrize(
    "files",
    [
        {"requirements.txt": "transformers>=4.40,<5\n"},
        {"requirements.txt": "transformers==4.46.3\n"},
        {"setup.py": "from setuptools import setup\nsetup(install_requires=['transformers~=4.46'])\n"},
        {"setup.cfg": "[options]\ninstall_requires =\n    transformers<5\n"},
        {"uv.lock": UV_LOCK.replace("trl", "transformers").format(version="4.46.3")},
        # the setting wins over a requirement that would allow 5
        {
            "requirements.txt": "transformers\n",
            "pyproject.toml": '[tool.chatlint]\ntarget-versions = {transformers = "4.46"}\n',
        },
    ],
)
def test_cl005_is_quiet_when_the_project_excludes_5(tmp_path: Path, files: dict[str, str]) -> None:
    assert findings(project(tmp_path, files, CL005_CODE), code="CL005") == []


# -- the data file -------------------------------------------------------------------------------------------------


def test_every_entry_names_its_evidence_and_its_versions_agree() -> None:
    bugs = load_library_bugs()
    assert bugs, "the data file has no entry"
    assert len({bug.id for bug in bugs}) == len(bugs)
    for bug in bugs:
        affected = SpecifierSet(bug.affected)
        assert Version(bug.found_in) in affected, bug.id
        assert Version(bug.last_affected) in affected, bug.id
        assert Version(bug.fixed_in) not in affected, bug.id
        assert Version(bug.last_affected) < Version(bug.fixed_in), bug.id
        assert all(symbol.startswith(bug.import_name + ".") for symbol in bug.symbols), bug.id
        assert re.search(r"issue \d+", bug.upstream) and "https://" in bug.upstream, bug.id
        assert "chatlint labels" in bug.confirmed or "read" in bug.confirmed, bug.id
        assert not bug.what.endswith("."), bug.id


def test_the_prefilter_libraries_are_the_data_files() -> None:
    assert {(bug.import_name, bug.library) for bug in load_library_bugs()} == set(AUDITED_IMPORTS.items())
    symbols = {symbol.rsplit(".", 1)[-1] for bug in load_library_bugs() for symbol in bug.symbols}
    assert symbols == set(AUDITED_SYMBOLS)


def test_readme_lists_every_entry() -> None:
    section = README.read_text(encoding="utf-8").split("\n## Library bugs\n", 1)[1].split("\n## ", 1)[0]
    assert markdown_table() in section, (
        "README's list of library bugs differs from the data file; paste the output of "
        "`python -m chatlint.knowledge.library_bugs`"
    )
    for bug in load_library_bugs():
        assert bug.what.replace("|", "\\|") in section


def test_the_static_path_never_imports_the_audited_libraries(tmp_path: Path) -> None:
    root = project(tmp_path, {"requirements.txt": "trl==0.12.2\ntransformers>=4.40\n"}, TRAIN + CL005_CODE)
    script = (
        "import sys\n"
        "from chatlint.cli import cli\n"
        "try:\n"
        f"    cli(['check', '--no-cache', '--installed-versions', {str(root / 'train.py')!r}], prog_name='chatlint')\n"
        "except SystemExit as exit:\n"
        "    print('exit', exit.code)\n"
        "heavy = ('transformers', 'torch', 'tokenizers', 'trl', 'axolotl', 'openrlhf', 'mlx_lm', 'llamafactory')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "CL201" in result.stdout and "exit 1" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_the_data_file_is_packaged() -> None:
    assert DATA_FILE.is_file()
    assert KnownLibraryLabelBug.prefilter == (
        (b"import trl", b"from trl"),
        (b"DataCollatorForChatML", b"GKDTrainer"),
    )
