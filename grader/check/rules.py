"""The rules check: the learner's file must not use what the exercise re-implements.

Two readers of one rule set (an exercise.toml's [rules], a catalog.Rules):
- the source, here: imports of a banned library (`import`, `from`, `__import__` and
  `importlib.import_module` of a constant name; a library reached otherwise, `sys.modules["torch"]`,
  is the running code's to catch, when it computes with it), and references to a banned
  function resolved through what each name is bound to (`import torch.nn.functional as F`,
  `from torch import nn`, `getattr(F, "dropout")`, `F2 = torch.nn.functional`…). A name the learner
  defines (`self.dropout = p`, a method called `scaled_dot_product_attention`) is never resolved into
  a library, so it is never banned;
- the running code, in grader/learner.py: what the learner's calls reach at run time whatever the route
  (`importlib.import_module("to" + "rch")`, a helper module), reported through `runtime_findings`.

Every finding names its line and what it did: "line 3: imports torch", "line 9: calls
torch.nn.functional.dropout (written F.dropout)".
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from .failure import CheckFailure
from .mistakes import BANNED, BANNED_LIBRARY


@dataclass(frozen=True)
class Finding:
    line: int
    what: str  # "imports torch", "calls torch.nn.functional.dropout (written F.dropout)"
    library: bool  # a banned library (modules), not a banned function
    mistake: Any = None  # the grader.catalog.Mistake it is, where not the ban's own (no Triton kernel launched)

    def __str__(self) -> str:
        return f"line {self.line}: {self.what}" if self.line else self.what


def _normalised(name: str) -> str:
    return name.replace("_", "").lower()


def name_matcher(patterns: tuple[str, ...]):
    """Does a library attribute's name match one of `names`? Case and underscores do not count
    (`*batch_norm*` matches native_batch_norm, BatchNorm2d and SyncBatchNorm)."""
    normalised = [_normalised(p) for p in patterns]
    return lambda name: any(fnmatchcase(_normalised(name), p) for p in normalised)


def _parse(path: Path) -> ast.Module | None:
    """The learner's file as a syntax tree; None if it cannot be read or parsed."""
    try:
        return ast.parse(Path(path).read_text(encoding="utf-8"))
    except (SyntaxError, OSError, UnicodeDecodeError, ValueError):
        return None


def _written(node: ast.AST) -> str:
    """The source spelling of a dotted reference (`F.dropout`), '' for anything else."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    return ".".join([node.id, *reversed(parts)])


_IMPORTERS = {"__import__", "importlib.import_module", "import_module"}


class _Reader:
    """What each name of one file is bound to in the libraries, and the findings of its rules."""

    def __init__(self, tree: ast.Module, rules):
        self.tree = tree
        self.modules = set(rules.modules)
        self.functions = set(rules.functions)
        self.roots = {f.split(".")[0] for f in rules.functions}  # the libraries `names` apply in
        self.is_banned_name = name_matcher(rules.names)
        self.bound: dict[str, str] = {}  # learner's name -> library path ("F" -> "torch.nn.functional")
        self.findings: list[Finding] = []

    # -- what a name or expression is bound to

    def resolve(self, node: ast.AST) -> str | None:
        """The library path an expression stands for ("torch.nn.functional.dropout"), or None."""
        if isinstance(node, ast.Name):
            return self.bound.get(node.id)
        if isinstance(node, ast.Attribute):
            owner = self.resolve(node.value)
            return f"{owner}.{node.attr}" if owner else None
        if isinstance(node, ast.Call):
            if self._called(node) == "getattr" and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) \
                    and isinstance(node.args[1].value, str):
                owner = self.resolve(node.args[0])
                return f"{owner}.{node.args[1].value}" if owner else None
            module = self._imported_by_call(node)
            if module:
                return module
        if isinstance(node, ast.Subscript) and _written(node.value) == "sys.modules" \
                and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
            return node.slice.value
        return None

    @staticmethod
    def _called(call: ast.Call) -> str:
        return _written(call.func)

    def _imported_by_call(self, call: ast.Call) -> str | None:
        """`__import__("torch")`, `importlib.import_module("torch.nn")`: the module, if constant."""
        if self._called(call) in _IMPORTERS and call.args and isinstance(call.args[0], ast.Constant) \
                and isinstance(call.args[0].value, str):
            name = call.args[0].value
            # __import__("torch.nn") returns torch itself; import_module returns torch.nn.
            return name.split(".")[0] if self._called(call) == "__import__" else name
        return None

    def bind(self) -> None:
        """Every import, and every plain assignment of a library object to a name, anywhere in the file."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.bound[alias.asname] = alias.name
                    else:
                        root = alias.name.split(".")[0]
                        self.bound[root] = root
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                for alias in node.names:
                    if alias.name != "*":
                        self.bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        for _ in range(3):  # `import torch; nn = torch.nn; F = nn.functional`: a few rounds settle chains
            for node in ast.walk(self.tree):
                if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
                    path = self.resolve(node.value)
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        if path and isinstance(target, ast.Name):
                            self.bound[target.id] = path

    # -- the findings

    def _library_of(self, module: str) -> str | None:
        root = module.split(".")[0]
        return root if root in self.modules else None

    def _banned_function(self, path: str) -> bool:
        if path in self.functions or any(path.startswith(f + ".") for f in self.functions):
            return True
        parts = path.split(".")
        return parts[0] in self.roots and len(parts) > 1 and self.is_banned_name(parts[-1])

    def _add(self, node: ast.AST, what: str, *, library: bool) -> None:
        self.findings.append(Finding(getattr(node, "lineno", 0), what, library))

    def read(self) -> list[Finding]:
        self.bind()
        parents = {child: node for node in ast.walk(self.tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self._check_import(node, alias.name, f"import {alias.name}")
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                self._check_import_from(node)
            elif isinstance(node, ast.Call) and self._imported_by_call(node):
                name = node.args[0].value
                if self._library_of(name):
                    self._add(node, f"imports {name.split('.')[0]} ({self._called(node)}({name!r}))", library=True)
            if isinstance(node, (ast.Attribute, ast.Name, ast.Call)) and self.roots and \
                    not isinstance(parents.get(node), ast.Attribute):  # the whole dotted reference only
                self._check_reference(node, parents.get(node))
        unique = {(f.line, f.what): f for f in self.findings}
        return sorted(unique.values(), key=lambda f: (f.line, f.what))

    def _check_import(self, node, module: str, written: str) -> None:
        library = self._library_of(module)
        if library:
            self._add(node, f"imports {library}" + (f" ({written})" if written != f"import {library}" else ""),
                      library=True)
        elif self._banned_function(module):
            self._add(node, f"imports {module}", library=False)

    def _check_import_from(self, node: ast.ImportFrom) -> None:
        names = ", ".join(a.name for a in node.names)
        if self._library_of(node.module):
            self._check_import(node, node.module, f"from {node.module} import {names}")
            return
        for alias in node.names:
            path = f"{node.module}.{alias.name}"
            if alias.name == "*":
                inside = sorted(f for f in self.functions if f.rpartition(".")[0] == node.module)
                if inside:
                    self._add(node, f"imports everything from {node.module}, {inside[0]} included", library=False)
            elif self._banned_function(path):
                as_ = f" as {alias.asname}" if alias.asname else ""
                self._add(node, f"imports {path} (from {node.module} import {alias.name}{as_})", library=False)

    def _check_reference(self, node: ast.AST, parent: ast.AST | None) -> None:
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            return
        if isinstance(node, ast.Call) and self._called(node) != "getattr":
            return
        path = self.resolve(node)
        if not path or not self._banned_function(path):
            return
        written = _written(node) or ast.unparse(node)
        verb = "calls" if isinstance(parent, ast.Call) and parent.func is node else "uses"
        self._add(node, f"{verb} {path}" + (f" (written {written})" if written != path else ""), library=False)


def rule_findings(path: Path, rules) -> list[Finding]:
    """What the learner's file imports or references against its exercise's rules, line by line."""
    tree = _parse(path)
    if tree is None:
        return []  # the import check reports these
    return _Reader(tree, rules).read()


def rules_failure(name: str, findings: list[Finding], rules) -> CheckFailure:
    """One failure for all of them: the library or function, the reason, each line and what it did."""
    library = all(f.library for f in findings)
    own = {f.mistake for f in findings}
    if len(own) == 1 and None not in own:  # a finding of its own kind (grader.check.kernels: no kernel launched)
        mistake = own.pop()
        head = f"{name}: {mistake.name} ({rules.why})"
        shown = [str(f) for f in findings[:6]]
        return CheckFailure(head + ":\n  " + "\n  ".join(shown), mistake=mistake)
    if library:
        used = sorted({m for f in findings for m in rules.modules if re.search(rf"\b{re.escape(m)}\b", f.what)})
        head = f"{name} uses {' and '.join(used) or 'a library'}, which this exercise rules out ({rules.why})"
    else:
        head = f"{name} uses what this exercise asks you to write yourself ({rules.why})"
    shown = [str(f) for f in findings[:6]] + ([f"… and {len(findings) - 6} more"] if len(findings) > 6 else [])
    return CheckFailure(head + ":\n  " + "\n  ".join(shown), mistake=BANNED_LIBRARY if library else BANNED)


def expect_rules(path: Path, rules) -> None:
    """The rules check of an exercise: its source, then what its code reached while the checks ran."""
    from ..learner import runtime_findings

    found = rule_findings(path, rules) + runtime_findings()
    if found:
        raise rules_failure(Path(path).name, found, rules)
