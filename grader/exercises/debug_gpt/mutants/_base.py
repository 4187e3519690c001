"""Not a mutant: a fresh copy of the fixed model (solutions/debug_gpt.py) for each mutant to break in one place."""
import importlib.util
import sys

from grader.workspace import KIT_ROOT, PACKAGED_SOLUTIONS


def fixed(name: str):
    """The reference module, loaded under its own name so that one mutant's patch never reaches another."""
    # The clone's solutions/, or the copy an installed kit ships as grader/reference.
    folder = PACKAGED_SOLUTIONS if PACKAGED_SOLUTIONS.is_dir() else KIT_ROOT / "solutions"
    spec = importlib.util.spec_from_file_location(f"_debug_gpt_{name}", folder / "debug_gpt.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
