"""The Python API: `grader.check(name, target)` grades a function, a module or a file from Python.

    import grader
    result = grader.check("conv2d", conv2d)          # a function (or class) object
    result = grader.check("conv2d", "my/conv2d.py")  # a file of any name
    result = grader.check("conv2d")                  # the workspace's exercises/conv2d.py
    result.passed, result.checks, result.to_json()

The checks are exactly `grader run`'s: engine.execute on a file with the cold backend, a child
process with the time limit and the caps, so an infinite loop, a crash or os._exit in the
learner's code never takes the notebook kernel (or the script) down with it.

What is sent for a function object is source, never the object (a child cannot receive a live
object safely): the file it was defined in, or, when that is a notebook cell or a script run as
__main__, that cell's (or script's) *definitions*, see `source_of`:

- the cell's top-level imports, `def`s, `class`es and assignments that call nothing
  (`EPS = 1e-5`, `F = torch.nn.functional`) are kept, each on its own line number; statements
  that run code (calls, loops, prints, `grader.check(...)` itself) are blanked out, so a cell
  that also tries its function out does not run its tries inside the grader;
- names the kept code uses but does not define are looked up in the function's namespace (the
  notebook's): a module becomes an import, a function or class from an installed module a
  `from … import`, a function or class of the notebook its own source (found the same way), a
  number, string or None (or a small list, tuple or dict of them) its value. The imports go on
  the file's first line, so the cell's lines keep their numbers (exactly under `%%grade`, whose
  first line is the magic; otherwise one line down, and more when helpers' sources come first);
- a name that cannot be sent that way (an array made in another cell, an object) is listed in
  `SourceNotFound`'s message, or, when the function's own source cannot be found at all (made by
  exec, in a plain `python -c`), SourceNotFound says so and how to pass a file instead.

Progress is recorded as `grader run` records it (interview.record_run) when a workspace is found
and what was checked is the learner's own code: a function or cell, or the workspace's
exercises/NAME.py (not the reference solution, nor another file, as `--target` is not recorded);
`record=False` turns that off.
"""
from __future__ import annotations

import ast
import builtins
import inspect
import io
import linecache
import os
import re
import sys
import tempfile
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalog import Exercise
from .results import CheckResult, Outcome, RunResult


class GraderError(ValueError):
    """A request the API cannot carry out (an unknown exercise, a target it cannot read)."""


class SourceNotFound(GraderError):
    """The source to send for a function object (or the names it needs) cannot be found."""


# ---------------------------------------------------------------- what is sent

_KEPT = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_FUTURE = re.compile(r"from\s+__future__\s+import\s")
_SIMPLE = (int, float, complex, str, bytes, bool, type(None))
LITERAL_MAX_CHARS = 10_000  # a constant longer than this is data: define it in the cell


def definitions(source: str) -> str:
    """`source` with every top-level statement that runs code blanked out (see the module's docstring);
    the kept statements stay on their own line numbers. A syntax error leaves the source as it is
    (the checks then report it with its line)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return source
    lines = source.splitlines()
    keep = [False] * len(lines)
    for node in tree.body:
        kept = isinstance(node, _KEPT) or (
            isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None
            and not any(isinstance(n, (ast.Call, ast.Await, ast.Yield, ast.NamedExpr)) for n in ast.walk(node.value))
        ) or (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))  # a docstring
        if kept:
            first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            for i in range(first - 1, node.end_lineno):
                keep[i] = True
    return "\n".join(line if keep[i] else "" for i, line in enumerate(lines)).rstrip() + "\n"


def free_names(source: str) -> list[str]:
    """Names `source` reads but never binds anywhere (nor are builtins), in order of first use."""
    tree = ast.parse(source)
    bound: set[str] = set()
    used: dict[str, None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (used.setdefault(node.id) if isinstance(node.ctx, ast.Load) else bound.add(node.id))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            pass
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return [n for n in used if n not in bound and not hasattr(builtins, n)]


def _from_notebook(obj: Any) -> bool:
    """Whether a function or class was defined in __main__ (a notebook cell, the REPL, a script)."""
    return getattr(obj, "__module__", None) == "__main__"


def _function_of(obj: Any) -> types.FunctionType | None:
    """The Python function behind `obj`: itself (unwrapped), or a class's first method."""
    if isinstance(obj, type):
        for value in vars(obj).values():
            value = getattr(value, "__func__", value)
            if isinstance(value, types.FunctionType):
                return value
        return None
    obj = inspect.unwrap(obj)
    return obj if isinstance(obj, types.FunctionType) else None


def _code_of(obj: Any) -> types.CodeType | None:
    function = _function_of(obj)
    return function.__code__ if function is not None else None


def _defining_text(obj: Any) -> str | None:
    """The whole text of the cell (or script) that defined `obj`, from linecache (IPython and
    ipykernel register every cell there), None when there is none."""
    code = _code_of(obj)
    if code is None:
        return None
    lines = linecache.getlines(code.co_filename)
    if not lines and os.path.isfile(code.co_filename):
        lines = Path(code.co_filename).read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
    return "".join(lines) or None


def _namespace_of(obj: Any) -> dict:
    function = _function_of(obj)
    return function.__globals__ if function is not None else {}


def _literal(value: Any) -> bool:
    """Whether `repr(value)` recreates it: numbers, strings, None, and small lists, tuples, dicts
    and sets of them."""
    if isinstance(value, _SIMPLE):
        return True
    if not isinstance(value, (list, tuple, dict, set, frozenset)):
        return False
    text = repr(value)
    try:
        return len(text) <= LITERAL_MAX_CHARS and ast.literal_eval(text) == value
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False


def _line_for(name: str, value: Any, namespace: dict, sent: dict[str, str], missing: list[str],
              seen_cells: set[str]) -> str | None:
    """The statement that recreates `name` in the child, or None (then `name` is listed as missing)."""
    if isinstance(value, types.ModuleType):
        module = value.__name__
        return f"import {module}" if module == name else f"import {module} as {name}"
    if _literal(value):
        return f"{name} = {value!r}"
    if callable(value) and not _from_notebook(value):
        module, qualname = getattr(value, "__module__", None), getattr(value, "__qualname__", None)
        if module and qualname and "." not in qualname and module in sys.modules \
                and getattr(sys.modules[module], qualname, None) is value:  # importable under that name
            return f"from {module} import {qualname}" + (f" as {name}" if qualname != name else "")
        return None
    if callable(value) and _from_notebook(value):
        text = _defining_text(value)
        if text is None:
            return None
        kept = definitions(text)
        if kept in seen_cells:
            return "" if getattr(value, "__name__", None) == name else f"{name} = {value.__name__}"
        seen_cells.add(kept)
        _resolve(kept, namespace, sent, missing, seen_cells)
        alias = "" if getattr(value, "__name__", None) == name else f"\n{name} = {value.__name__}"
        return "\n".join(line for line in kept.splitlines() if line.strip()) + alias
    return None


def _resolve(source: str, namespace: dict, sent: dict[str, str], missing: list[str], seen_cells: set[str]) -> None:
    for name in free_names(source):
        if name in sent or name in missing:
            continue
        if name not in namespace:
            missing.append(name)
            continue
        sent[name] = ""  # placeholder: a helper that refers back to this name does not loop
        line = _line_for(name, namespace[name], namespace, sent, missing, seen_cells)
        if line is None:
            del sent[name]
            missing.append(name)
        else:
            sent[name] = line


@dataclass
class Source:
    """What is sent for a function object: the file's text, and where it came from."""

    text: str
    label: str
    helpers: list[str] = field(default_factory=list)  # names recreated from the namespace


def source_of(obj: Any, exercise: Exercise, *, cell: str | None = None, namespace: dict | None = None) -> Source:
    """The file to send for `obj` (a function or class) or for a cell's text (`cell`, with the
    notebook's `namespace`): the cell's definitions, then what they need from the namespace.
    SourceNotFound when the source, or a name it needs, cannot be found."""
    if cell is None:
        text = _defining_text(obj)
        if text is None or getattr(obj, "__name__", "?") not in text:
            raise SourceNotFound(
                f"the source of {getattr(obj, '__name__', obj)!r} cannot be found (it was not defined in a file "
                "or a notebook cell). Define it in a notebook cell or a .py file, or pass the file's path: "
                f"grader.check({exercise.name!r}, 'path/to/{exercise.filename}')")
        namespace = _namespace_of(obj)
        code = _code_of(obj)
        script = code is not None and os.path.isfile(code.co_filename) and not _in_ipython()
        label = f"definitions of {Path(code.co_filename).name}" if script else "your notebook cell"
    else:
        text, label = cell, "this cell"
    namespace = namespace if namespace is not None else {}
    body = definitions(text)
    sent: dict[str, str] = {}
    missing: list[str] = []
    seen = {body}
    _resolve(body, namespace, sent, missing, seen)
    # The exercise's other functions, when they were defined in other cells.
    defined = _defined_names(body) | set(sent)
    for name in exercise.functions:
        if name not in defined and name in namespace and name not in missing:
            line = _line_for(name, namespace[name], namespace, sent, missing, seen)
            if line is not None:
                sent[name] = line
    # A function passed under another name: bind the exercise's name too.
    name = getattr(obj, "__name__", None)
    if obj is not None and name not in exercise.functions and len(exercise.functions) == 1 \
            and exercise.functions[0] not in defined | set(sent):
        sent[exercise.functions[0]] = f"{exercise.functions[0]} = {name}"
    if missing:
        raise SourceNotFound(
            f"{label} uses {', '.join(repr(m) for m in missing)}, which cannot be sent to the grader "
            "(not defined in the cell, nor an import, a function, a class or a plain constant of the notebook). "
            "Define or import it in the same cell as your function.")
    lines = body.splitlines()
    imports = [v for v in sent.values() if v and v.startswith(("import ", "from ")) and "\n" not in v]
    others = [v for v in sent.values() if v and v not in imports]
    tail = [o for o in others if o.startswith(tuple(f"{f} = " for f in exercise.functions))]
    others = [o for o in others if o not in tail]
    if imports or others:
        # `from __future__` must come first in a file: the cell's and the helpers' go to the head.
        futures = sorted({line.strip() for text in [body, *others] for line in text.splitlines()
                          if _FUTURE.match(line)})
        lines = ["" if _FUTURE.match(line) else line for line in lines]
        others = ["\n".join(line for line in o.splitlines() if not _FUTURE.match(line)) for o in others]
        # First line: the imports (so the cell's lines keep their numbers); helpers' sources before
        # the cell need lines of their own, and an alias goes last.
        head = "; ".join(futures + imports)
        if lines and not lines[0].strip() and not others:
            lines[0] = head
        else:
            lines = ([head] if head else []) + [l for o in others for l in o.splitlines()] + lines
    text_out = "\n".join(lines + tail).rstrip() + "\n"
    return Source(text_out, label, [n for n, v in sent.items() if v])


def _defined_names(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


# ---------------------------------------------------------------- the result

@dataclass
class Result:
    """A graded run: `passed`, `checks`, `to_json()`; shows itself as `grader run`'s report
    (text in a terminal, HTML in Jupyter)."""

    run: RunResult
    exercise: Exercise
    label: str  # what was checked, as the report's first line shows it
    in_notebook: bool = False  # the next steps the report gives are a notebook's (%grade_hint, …)
    recorded: bool = False     # the run counted in the progress file (and in a mock interview under way)

    @property
    def passed(self) -> bool:
        return self.run.passed

    @property
    def checks(self) -> list[CheckResult]:
        return self.run.checks

    @property
    def seconds(self) -> float:
        return self.run.seconds

    @property
    def first_problem(self) -> CheckResult | None:
        return self.run.first_problem

    def to_json(self) -> dict:
        return self.run.to_json()

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        verdict = "passed" if self.passed else "failed"
        return (f"<grader result {self.exercise.name}: {verdict}, "
                f"{self.run.count(Outcome.PASSED)} of {len(self.checks)} checks passed>")

    def render(self, console) -> None:
        """The report of `grader run`, on a rich console."""
        from . import interview, progress, workspace
        from .catalog import load
        from .report import render

        state = progress.load(workspace.find())
        following = state.next_to_do(load(), after=self.exercise.name) if self.passed else None
        render(console, self.exercise, self.run, target_label=self.label,
               hints_seen=interview.hints_seen(state, self.exercise.name), next_exercise=following,
               all_done=self.passed and following is None, in_notebook=self.in_notebook,
               interview=interview.active_on(state, self.exercise.name) if self.recorded else None)

    def show(self) -> None:
        """Print the report on the terminal, in colour where it has colours."""
        from rich.console import Console

        self.render(Console(highlight=False, soft_wrap=False))

    def report(self, width: int = 100) -> str:
        """The report as plain text."""
        from rich.console import Console

        console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False,
                          force_terminal=False, force_jupyter=False)
        self.render(console)
        return console.file.getvalue()

    __str__ = report

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython's text form
        printer.text(repr(self) if cycle else self.report().rstrip("\n"))

    def _repr_html_(self) -> str:  # Jupyter, VS Code, Colab
        from rich.console import Console

        console = Console(record=True, file=io.StringIO(), width=100, color_system="truecolor",
                          highlight=False, force_terminal=True, force_jupyter=False)
        self.render(console)
        return console.export_html(theme=_html_theme(), inline_styles=True, code_format=HTML_FORMAT)


def _html_theme():
    from rich.terminal_theme import TerminalTheme

    # Colours that read on a white page and on a dark one (mid-luminance); the text itself has no
    # colour of its own, so it takes the notebook theme's.
    return TerminalTheme(
        (128, 128, 128), (128, 128, 128),
        [(0, 0, 0), (214, 48, 49), (33, 153, 70), (196, 142, 0), (52, 120, 214), (160, 80, 200),
         (0, 150, 170), (140, 140, 140)],
        [(100, 100, 100), (230, 70, 70), (40, 170, 90), (210, 160, 0), (80, 140, 230), (180, 100, 220),
         (0, 170, 190), (170, 170, 170)])


HTML_FORMAT = ('<pre class="grader-report" style="font-family: Menlo, \'DejaVu Sans Mono\', Consolas, '
               '\'Courier New\', monospace; font-size: 13px; line-height: 1.2; white-space: pre; '
               'background: transparent; padding: 0.4em 0; margin: 0">{code}</pre>')


# ---------------------------------------------------------------- check

def exercise_named(name: str) -> Exercise:
    from .commands.common import UsageError, exercise

    try:
        return exercise(name)
    except UsageError as error:
        raise GraderError(str(error)) from None


def check(name: str, target: Any = None, *, speed: bool = True, fail_fast: bool = False,
          record: bool = True, show: bool | None = None, _source: Source | None = None) -> Result:
    """Grade exercise `name` with exactly `grader run`'s checks, in a child process.

    `target`: a function or class object (its source is sent, see the module's docstring), a
    module (its file), a path to a file of any name, or None for the workspace's exercises/NAME.py.
    `speed=False` skips the speed checks, `fail_fast=True` stops at the first failure. The run is
    recorded in the progress file like a CLI run unless `record=False` or the reference solution
    was checked. `show`: print the report (default: on a terminal, outside IPython, which shows
    the result itself). Raises GraderError (SourceNotFound) when there is nothing to check."""
    from . import engine, interview, workspace

    exercise = exercise_named(name)
    ws = workspace.find()
    with tempfile.TemporaryDirectory(prefix="grader-cell-") as tmp:
        path, label, sent = _target_file(exercise, target, ws, Path(tmp), _source)
        run = engine.execute(exercise, path, speed=speed, fail_fast=fail_fast, backend=engine.COLD)
        # As grader run records: the learner's own code (a function, a cell, exercises/NAME.py), not
        # the reference solution nor another file (grader run --target is not recorded either).
        own = ws.exists and (sent or _same_file(path, ws.exercises / exercise.filename))
        if record and own:
            interview.record_run(ws, exercise.name, run)  # while the file is there: its fingerprint
    if sent:
        run.target = label  # the temporary file is gone: name what was checked
    result = Result(run, exercise, label, in_notebook=_in_ipython(), recorded=bool(record and own))
    if show or (show is None and _on_terminal()):
        result.show()
    return result


def _same_file(path: Path, other: Path) -> bool:
    return path.resolve() == other.resolve()


def _in_ipython() -> bool:
    ipython = sys.modules.get("IPython")
    return ipython is not None and getattr(ipython, "get_ipython", lambda: None)() is not None


def _on_terminal() -> bool:
    return not _in_ipython() and sys.stdout.isatty()


def _target_file(exercise: Exercise, target: Any, ws, tmp: Path,
                 source: Source | None) -> tuple[Path, str, bool]:
    """The file to check, the label the report shows for it, and whether it is source made here."""
    from .workspace import display_path

    if source is None and target is None:
        if not ws.exists:
            raise GraderError(f"no workspace here (a folder with exercises/) to find {exercise.filename} in: "
                              f"pass your function or a file, grader.check({exercise.name!r}, {exercise.functions[0]})")
        path = ws.exercises / exercise.filename
        return path, display_path(path), False
    if source is None and isinstance(target, (str, os.PathLike)):
        path = Path(target).expanduser()
        if path.is_dir():
            path = path / exercise.filename
        if not path.is_file():
            raise GraderError(f"{str(target)!r} is not a file (nor a folder holding {exercise.filename})")
        return path, display_path(path), False
    if source is None and isinstance(target, types.ModuleType):
        file = getattr(target, "__file__", None)
        if file and file.endswith(".py") and target.__name__ != "__main__":
            return Path(file), display_path(Path(file)), False
        raise SourceNotFound(f"module {target.__name__!r} has no .py file to check: pass a function or a path")
    if source is None:
        if not callable(target):
            raise GraderError(f"cannot check {type(target).__name__} {target!r}: pass a function, a class, "
                              "a module or a path to a file")
        code = _code_of(target)
        file = code.co_filename if code else None
        if not _from_notebook(target) and file and os.path.isfile(file) and file.endswith(".py"):
            return Path(file), display_path(Path(file)), False  # a module of its own: checked as it is
        source = source_of(target, exercise)
    path = tmp / exercise.filename
    path.write_text(source.text, encoding="utf-8")
    return path, source.label, True
