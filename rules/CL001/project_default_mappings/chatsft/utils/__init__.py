from .chat import render

__all__ = ["render"]
