"""Not a mutant: a fresh copy of the fixed model (solutions/debug_gpt.py) for each mutant to break in one place."""
import importlib.util
import sys

from grader.catalog import PACKAGE_DIR


def fixed(name: str):
    """The reference module, loaded under its own name so that one mutant's patch never reaches another."""
    spec = importlib.util.spec_from_file_location(f"_debug_gpt_{name}", PACKAGE_DIR.parent / "solutions" / "debug_gpt.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
