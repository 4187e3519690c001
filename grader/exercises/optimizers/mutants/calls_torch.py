"""Imports torch (the AST check rejects it even if unused)."""
from _base import adam_step, adamw_step, sgd_step  # noqa: F401

EXPECTED_MISTAKE = "uses a library the exercise rules out"

if False:
    import torch  # noqa: F401
