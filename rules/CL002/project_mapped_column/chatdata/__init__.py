# The package binds the functions by the names of the submodules that define them: `from chatdata import tokenize`
# gets the function, not the submodule.
from .options import Options
from .render import render_rows
from .tokenize import tokenize, tokenize_plain, tokenize_with

__all__ = ["Options", "render_rows", "tokenize", "tokenize_plain", "tokenize_with"]
