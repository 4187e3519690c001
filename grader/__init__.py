"""The deep-learning interview kit's grader: the `grader` command (grader/cli.py) and a Python API.

    import grader
    grader.check("conv2d", conv2d)   # a function, a module, a path, or None for exercises/conv2d.py

In IPython or Jupyter, `%load_ext grader` adds the magics `%%grade NAME`, `%grade NAME`,
`%grade_hint NAME` and `%grade_list` (grader/magics.py). This module stays cheap to import (the
command imports it on every call): the API is imported on first use.
"""
from __future__ import annotations

__all__ = ["check", "Result", "GraderError", "SourceNotFound"]


def __getattr__(name: str):
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'grader' has no attribute {name!r}")


def load_ipython_extension(ipython) -> None:
    """`%load_ext grader`: register the magics (IPython is there, since it is loading us)."""
    from .magics import register

    register(ipython)
