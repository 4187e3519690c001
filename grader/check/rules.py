"""The rules check: the learner's file must not import or call what the exercise re-implements."""
from __future__ import annotations

import ast
from fnmatch import fnmatch
from pathlib import Path
from typing import Callable

from .failure import CheckFailure
from .mistakes import BANNED

def _parse(path: Path) -> ast.Module | None:
    """The learner's file as a syntax tree; None if it cannot be read or parsed."""
    try:
        return ast.parse(Path(path).read_text(encoding="utf-8"))
    except (SyntaxError, OSError, UnicodeDecodeError, ValueError):
        return None


def banned_calls(path: Path, banned: tuple[str, ...]) -> list[str]:
    """Where the learner's file imports or calls something it must not, as `line N: what`.

    A banned entry is either a module ("torch" bans importing it) or a dotted call suffix
    ("F.conv2d", "nn.functional.conv2d").
    """
    tree = _parse(path)
    if tree is None:
        return []  # the import check reports these
    found = []
    modules = {b for b in banned if "." not in b}
    calls = {b for b in banned if "." in b}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, (ast.Attribute, ast.Name)):
            dotted = _dotted(node)
            hit = next((c for c in calls if dotted == c or dotted.endswith("." + c)), None)
            if hit:
                found.append(f"line {node.lineno}: {dotted}")
            continue
        elif isinstance(node, ast.Call) and _dotted(node.func) in {"__import__", "importlib.import_module"}:
            names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        else:
            continue
        for name in names:
            if name.split(".")[0] in modules:
                found.append(f"line {node.lineno}: import {name}")
    return sorted(set(found), key=lambda s: int(s.split(":")[0].split()[1]))


def _dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def banned_names(path: Path, match: Callable[[str], bool], *, attributes: bool = True) -> list[str]:
    """Names `match` accepts that the learner's file imports by name (`from torch.nn.functional import
    batch_norm`) or, with `attributes`, reaches as any attribute (`torch.ops.aten.batch_norm`):
    what the dotted suffixes of banned_calls do not see."""
    tree = _parse(path)
    if tree is None:
        return []  # the import check reports these
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found += [f"line {node.lineno}: from {node.module} import {a.name}" for a in node.names if match(a.name)]
        elif attributes and isinstance(node, ast.Attribute) and match(node.attr):
            found.append(f"line {node.lineno}: {_dotted(node) or node.attr}")
    return found


def expect_rules(path: Path, rules) -> None:
    """The rules check of an exercise (its exercise.toml's [rules], a catalog.Rules)."""
    patterns = [n for n in rules.names if any(c in n for c in "*?[")]
    plain = set(rules.names) - set(patterns)
    found = banned_calls(path, rules.banned)
    if plain or patterns:
        found += banned_names(path, lambda name: name in plain or any(fnmatch(name, p) for p in patterns))
    if rules.imported_names:
        found += banned_names(path, set(rules.imported_names).__contains__, attributes=False)
    if found:
        raise CheckFailure(
            f"{Path(path).name} uses what this exercise asks you to write yourself ({rules.why}):\n  "
            + "\n  ".join(found),
            mistake=BANNED,
        )
