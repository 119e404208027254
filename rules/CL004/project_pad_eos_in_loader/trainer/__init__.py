# the package re-exports the loader under another name
from .utils import get_tokenizer as build_tokenizer

__all__ = ["build_tokenizer"]
