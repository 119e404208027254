"""Candidates for `chatlint/knowledge/library_bugs.toml`: chatlint's static rules over every release of a library.

    python tools/scan_library_releases.py trl ">=0.11,<0.14" [--releases 0.11.0,0.11.3] [--keep /tmp/trl-releases]

Downloads each release in the range (`pip download --no-deps`, wheels preferred, sdists unpacked too), runs the
static rules (CL001-CL006) over the library's own code, and prints, for each finding (its code, file and source
line, which survive line shifts between releases), the first and the last release it appears in and the release
after that: a *candidate* bug and a *candidate* fix. Nothing here is an entry yet: read the code of both releases and,
where a collator can be run, run `chatlint labels` on the last affected and the first fixed release (README,
"Library bugs"). Needs the network (the package index); never run by the tests, except on local archives
(`--archives`).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from packaging.specifiers import SpecifierSet
from packaging.utils import parse_sdist_filename, parse_wheel_filename
from packaging.version import InvalidVersion, Version

# The version-specific top of an unpacked archive: `name-1.2.3/` (and `src/`) in an sdist, `name-1.2.3.data/purelib/` in
# a wheel. Taken off so that one file has one path in every release.
_RELEASE_PREFIX = re.compile(r"^[A-Za-z0-9_.]+-\d[^/]*?(?:\.data/(?:purelib|platlib))?/(?:src/)?")

STATIC_RULES = ("CL001", "CL002", "CL003", "CL004", "CL005", "CL006")


@dataclass(frozen=True)
class Sighting:
    code: str
    path: str  # relative to the release's root
    line_text: str  # the stripped source line: how a finding is recognised across releases
    message: str


def releases_on_index(library: str) -> list[Version]:
    """Every release of `library` the index lists (`pip index versions`), oldest first."""
    done = subprocess.run(
        [sys.executable, "-m", "pip", "index", "versions", library], capture_output=True, text=True, check=True
    )
    for line in done.stdout.splitlines():
        if line.startswith("Available versions:"):
            return sorted(Version(item.strip()) for item in line.split(":", 1)[1].split(","))
    raise SystemExit(f"pip index versions {library}: no 'Available versions' line in\n{done.stdout}")


def download(library: str, version: Version, folder: Path) -> Path | None:
    """The archive of one release (`pip download --no-deps`), or None (printed) when it cannot be had."""
    target = folder / str(version)
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", f"{library}=={version}", "-d", str(target)],
        capture_output=True,
        text=True,
    )
    archives = sorted(target.glob("*.whl")) + sorted(target.glob("*.tar.gz")) + sorted(target.glob("*.zip"))
    if done.returncode != 0 or not archives:
        print(f"  {version}: cannot download ({done.stderr.strip().splitlines()[-1:] or ['no archive']})")
        return None
    return archives[0]


def archive_version(archive: Path) -> Version:
    if archive.name.endswith(".whl"):
        return parse_wheel_filename(archive.name)[1]
    return parse_sdist_filename(archive.name)[1]


def unpack(archive: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if archive.name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as handle:
            handle.extractall(folder)
    else:
        with tarfile.open(archive) as handle:
            handle.extractall(folder, filter="data")
    return folder


def scan(folder: Path) -> list[Sighting]:
    """The static rules' findings on the Python files of one unpacked release."""
    from chatlint.config import Config
    from chatlint.files import FileSelector
    from chatlint.runner import Runner, RunOptions

    config = Config(root=folder)
    files = list(FileSelector(config, force_exclude=False).files([str(folder)]))
    run = Runner(config, RunOptions(select=STATIC_RULES)).run(files)
    sightings = []
    for finding in run.findings:
        relative = Path(finding.path).resolve().relative_to(folder.resolve()).as_posix()
        relative = _RELEASE_PREFIX.sub("", relative)
        sightings.append(Sighting(finding.code, relative, finding.source_line.strip(), finding.message))
    return sightings


def report(library: str, seen: dict[Version, list[Sighting]], out=sys.stdout) -> list[dict[str, object]]:
    """First and last release of each finding, and the release after the last one (a candidate fix)."""
    versions = sorted(seen)
    spans: dict[tuple[str, str, str], list[Version]] = {}
    messages: dict[tuple[str, str, str], str] = {}
    for version in versions:
        for sighting in seen[version]:
            key = (sighting.code, sighting.path, sighting.line_text)
            spans.setdefault(key, []).append(version)
            messages.setdefault(key, sighting.message)
    rows = []
    for key, found in sorted(spans.items(), key=lambda item: (item[1][0], item[0])):
        last = found[-1]
        after = next((version for version in versions if version > last), None)
        rows.append(
            {
                "code": key[0],
                "path": key[1],
                "line": key[2],
                "first": str(found[0]),
                "last": str(last),
                "next_release": str(after) if after else None,
                "releases": len(found),
                "message": messages[key],
            }
        )
        gone = f"gone in {after}" if after else "still in the newest release scanned"
        print(f"{key[0]} {library} {found[0]} .. {last} ({gone}): {key[1]}: {key[2]}", file=out)
        print(f"    {messages[key]}", file=out)
    if not rows:
        print(f"no finding in {len(versions)} releases of {library}", file=out)
    return rows


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("library", help="the distribution name, e.g. trl")
    parser.add_argument("range", nargs="?", default="", help='a PEP 440 specifier, e.g. ">=0.11,<0.14"')
    parser.add_argument("--releases", help="comma-separated releases instead of asking the index")
    parser.add_argument("--archives", type=Path, help="a folder of already downloaded archives (no network)")
    parser.add_argument("--keep", type=Path, help="download and unpack here (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    args = parser.parse_args(list(argv) if argv is not None else None)
    wanted = SpecifierSet(args.range)
    with tempfile.TemporaryDirectory() as temporary:
        work = args.keep or Path(temporary)
        archives = _archives(args, wanted, work)
        seen: dict[Version, list[Sighting]] = {}
        for version, archive in sorted(archives.items()):
            seen[version] = scan(unpack(archive, work / "unpacked" / str(version)))
            print(f"  {version}: {len(seen[version])} findings", file=sys.stderr)
        rows = report(args.library, seen)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


def _archives(args: argparse.Namespace, wanted: SpecifierSet, work: Path) -> dict[Version, Path]:
    if args.archives:
        found = {}
        for archive in sorted(path for path in args.archives.rglob("*") if path.is_file()):
            try:
                version = archive_version(archive)
            except (InvalidVersion, ValueError):
                continue
            if wanted.contains(version, prereleases=True):
                found.setdefault(version, archive)
        return found
    if args.releases:
        versions = [Version(item) for item in args.releases.split(",")]
    else:
        versions = [version for version in releases_on_index(args.library) if wanted.contains(version)]
    print(f"{args.library}: {len(versions)} releases: {', '.join(map(str, versions))}", file=sys.stderr)
    downloaded = {version: download(args.library, version, work / "archives") for version in versions}
    return {version: archive for version, archive in downloaded.items() if archive is not None}


if __name__ == "__main__":
    sys.exit(main())
