"""Where nodes are in the source: computed only when a file has something to report, once per module."""

from __future__ import annotations

from collections.abc import Mapping

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider


def node_positions(module: cst.Module) -> Mapping[cst.CSTNode, CodeRange]:
    """Every node's position, from one code generation pass over the module.

    libcst's `MetadataWrapper` adds a full visit of the tree on top of the code generation, which costs as much again;
    the provider's own pass is all that is needed. Falls back to the wrapper if libcst's internals change.
    """
    provider = PositionProvider()
    try:
        provider._gen_impl(module)  # noqa: SLF001 - see the docstring
        return provider._computed  # noqa: SLF001
    except AttributeError:
        return MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
