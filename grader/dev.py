"""`grader dev check [NAME | --all]`: prove an exercise, the author's loop (like rustlings' `dev check`).

For each exercise it proves, in this order, and reports every claim that does not hold:
- the catalog and the files agree (stub, solution, checks, exercise.toml, theory page, wrong and
  correct implementations) and the stub's signatures are the solution's;
- the stub fails as not implemented, and the solution passes every check, speed included;
- every wrong implementation (mutants/) is rejected, naming the mistake it declares;
- every correct alternative (alternatives/) is accepted; a slow one fails only the speed check;
- every mistake in exercise.toml is named on at least one wrong implementation;
- the stub's docstring states the speed check's limits and the shape it times, and every rule of
  exercise.toml's [rules] (each banned library and function, and torch's other spellings of them).

Checks run in this process (the kit's tests run them the same way), which is what makes one
exercise take seconds; the learner's `grader run` keeps its child process.
"""
from __future__ import annotations

import ast
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import catalog
from .results import Kind, Outcome, Reason

ROOT = catalog.PACKAGE_DIR.parent
MUTANTS, ALTERNATIVES = "mutants", "alternatives"


def module_constant(path: Path, name: str, default=None):
    """A module-level constant (EXPECTED_MISTAKE, TOO_SLOW) read without importing the file."""
    text = path.read_text()
    try:
        tree = ast.parse(text)
    except SyntaxError:  # the broken-code corpus holds files that do not parse
        found = re.search(rf"^{name} = (.+?)(\s+#.*)?$", text, re.MULTILINE)
        return ast.literal_eval(found.group(1)) if found else default
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    return default


def implementations(exercise: catalog.Exercise, kind: str) -> list[Path]:
    """The files of grader/exercises/<name>/<kind>/ (helper modules start with _)."""
    return sorted(p for p in (exercise.folder / kind).glob("*.py") if not p.name.startswith("_"))


def run_checks(exercise: catalog.Exercise, path: Path, *, speed: bool = False):
    """The exercise's checks on `path`, in this process; the file's folder importable (for _base helpers)."""
    from . import engine

    sys.path.insert(0, str(path.parent))
    sys.modules.pop("_base", None)
    try:
        return engine.execute(exercise, path, speed=speed, backend=engine.IN_PROCESS)
    finally:
        sys.path.remove(str(path.parent))
        sys.modules.pop("_base", None)


def signatures(path: Path) -> dict[str, str]:
    """name -> argument list of each top-level function, class method (public, __init__, forward)."""
    found = {}
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.FunctionDef):
            found[node.name] = ast.unparse(node.args)
        elif isinstance(node, ast.ClassDef):
            found[node.name] = "class"  # a class's own signature is its __init__'s
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and (not item.name.startswith("_")
                                                          or item.name in ("__init__", "forward")):
                    found[f"{node.name}.{item.name}"] = ast.unparse(item.args)
    return found


@dataclass
class Proof:
    exercise: str
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems


def _problem_text(result) -> str:
    first = result.first_problem
    return f"{first.name}: {first.message[:200]}" if first else "no failing check"


def files_problems(exercise: catalog.Exercise) -> list[str]:
    """What is missing or disagrees between the catalog and the files of one exercise."""
    problems = []
    paths = {"stub": ROOT / "exercises" / exercise.filename, "solution": ROOT / "solutions" / exercise.filename,
             "checks": exercise.checks_path, "theory page": ROOT / "site" / exercise.page}
    problems += [f"no {what}: {path}" for what, path in paths.items() if not path.is_file()]
    problems += [f"no files in {exercise.folder / kind}" for kind in (MUTANTS, ALTERNATIVES)
                 if not implementations(exercise, kind)]
    if not exercise.hints or not all(h.strip() for h in exercise.hints):
        problems.append("every exercise needs hints, none of them empty")
    if paths["stub"].is_file() and paths["solution"].is_file():
        stub, solution = signatures(paths["stub"]), signatures(paths["solution"])
        for name in exercise.functions:
            problems += [f"{which} does not define {name}" for which, found in (("stub", stub), ("solution", solution))
                         if name not in found]
        problems += [f"{name}: the stub's signature ({args}) is not the solution's ({solution.get(name)})"
                     for name, args in stub.items() if name.split(".")[0] in exercise.functions
                     and solution.get(name) != args]
    return problems


def speed_docstring_problems(exercise: catalog.Exercise) -> list[str]:
    """The stub's docstring must state each speed limit and the shape of the first input timed on cpu."""
    import importlib

    from .check.declare import Speed

    module = importlib.import_module(f"grader.exercises.{exercise.name}.checks")
    speed = getattr(module, "SPEED", None)
    if not isinstance(speed, Speed):
        return []
    stub = (ROOT / "exercises" / exercise.filename).read_text()
    problems = [f"the stub's docstring does not state the {device} speed limit ({limit:g}x)"
                for device in speed.devices
                for limit in [speed.per_device(speed.limit, device)]
                if not re.search(rf"limit {re.escape(f'{limit:g}')}\s*[x×]", stub)]
    solution = _load_reference(exercise)
    case = speed.setup(solution, "cpu")[2]
    shape = re.search(r"\(\d+(?:, \d+)*,?\)", case)
    if shape and shape.group(0) not in stub:
        problems.append(f"the stub's docstring does not state the shape the speed check times, {shape.group(0)}")
    return problems


_FORBIDS = re.compile(r"\b(?:do not|don't|never|no|nor|not|without)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:—()]|\.(?:\s|$)")


def _docstrings(path: Path) -> str:
    """The module's, the classes' and the functions' docstrings of a file, one after the other."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))]
    return "\n\n".join(ast.get_docstring(n) or "" for n in nodes)


def _forbidden_clauses(text: str) -> list[str]:
    """What `text` forbids: for each "do not", "no", "never"…, the words after it up to the end of its
    clause ("do not import torch or scipy: …" gives " import torch or scipy"). A bullet's lines are joined."""
    items = re.split(r"\n\s*(?:-|\*|\d+\.)\s+|\n\s*\n", text)
    clauses = []
    for item in items:
        joined = " ".join(item.split())
        for forbid in _FORBIDS.finditer(joined):
            rest = joined[forbid.end():]
            end = _CLAUSE_END.search(rest)
            clauses.append(rest[:end.start()] if end else rest)
    return clauses


def _squashed(text: str) -> str:
    return re.sub(r"[\s_\-]", "", text).lower()


def rules_docstring_problems(exercise: catalog.Exercise, *, stub: Path | None = None) -> list[str]:
    """The stub's docstrings must state every rule its [rules] enforces, in a clause that forbids it:
    each banned library by name ("do not import torch"), each banned function by its own name
    (`dropout` for torch.nn.functional.dropout; "nn.BatchNorm*" states BatchNorm1d to 3d), each of
    torch's other spellings by its core ("*flash_attention*": "flash attention")."""
    rules = exercise.rules
    if not rules:
        return []
    clauses = _forbidden_clauses(_docstrings(stub or ROOT / "exercises" / exercise.filename))
    last_parts = {t.rpartition(".")[2] for c in clauses for t in re.findall(r"[\w.]+\*?", c)}

    def states_function(dotted: str) -> bool:
        name = dotted.rpartition(".")[2]
        return name in last_parts or any(p.endswith("*") and len(p) > 3 and name.startswith(p[:-1]) for p in last_parts)

    problems = [f"the stub's docstring does not forbid the library {m!r} (e.g. \"do not import {m}\")"
                for m in rules.modules if not any(re.search(rf"\b{re.escape(m)}\b", c, re.IGNORECASE) for c in clauses)]
    problems += [f"the stub's docstring does not forbid {f} (e.g. \"Do not call …{f.rpartition('.')[2]}\")"
                 for f in rules.functions if not states_function(f)]
    squashed = [_squashed(c) for c in clauses]
    problems += [f"the stub's docstring does not forbid torch's {core!r} functions (names = {p!r})"
                 for p in rules.names for core in [p.strip("*?")] if not any(_squashed(core) in c for c in squashed)]
    return problems


def _load_reference(exercise: catalog.Exercise):
    from .learner import load_module

    return load_module(ROOT / "solutions" / exercise.filename, exercise.name, exercise.functions)


def stub_problem(exercise: catalog.Exercise) -> str | None:
    """Why the stub does not fail cleanly as not implemented; None when it does."""
    result = run_checks(exercise, ROOT / "exercises" / exercise.filename)
    first = result.first_problem
    if result.passed or first is None or first.reason != Reason.NOT_IMPLEMENTED:
        return _problem_text(result)
    if any(c.outcome == Outcome.PASSED for c in result.checks if c.kind == Kind.CORRECTNESS):
        return "a correctness check passed on the stub"
    return None


def solution_problem(exercise: catalog.Exercise, *, speed: bool = True) -> str | None:
    """Why the reference solution does not pass every check; None when it does."""
    result = run_checks(exercise, ROOT / "solutions" / exercise.filename, speed=speed)
    return None if result.passed else _problem_text(result)


def mutant_verdict(exercise: catalog.Exercise, path: Path) -> tuple[str | None, set[str]]:
    """(why the wrong implementation is not rejected with its EXPECTED_MISTAKE as the run's diagnosis, or
    None; the run's diagnosis, as a set of at most one name).

    The diagnosis is what the learner reads (results.RunResult.mistake, the mistake that explains the
    most failed checks), so that is what must be the expected one, not merely some check's name."""
    result = run_checks(exercise, path)
    diagnosis = result.mistake
    named = {diagnosis.name} if diagnosis else set()
    expected = module_constant(path, "EXPECTED_MISTAKE")
    if result.passed:
        return "it passed every check", named
    if result.first_problem.reason == Reason.INTERNAL:
        return _problem_text(result), named
    if expected and expected not in named:
        others = sorted({m.name for c in result.checks for m in c.explained_by} - named)
        return (f"diagnosed as {diagnosis.name if diagnosis else 'no known mistake'!r}, not {expected!r}"
                + (f" (also named on some checks: {others})" if others else "")), named
    return None, named


def alternative_problem(exercise: catalog.Exercise, path: Path) -> str | None:
    """Why the correct alternative is not accepted (a TOO_SLOW one: failing only on speed); None when it is."""
    slow = module_constant(path, "TOO_SLOW", False)
    result = run_checks(exercise, path, speed=slow)
    wrong = [c for c in result.checks if c.kind != Kind.SPEED and c.outcome.bad]
    if wrong:
        return f"{wrong[0].name}: {wrong[0].message[:200]}"
    # A CUDA speed check is skipped where there is no GPU; every speed check that ran must fail.
    speed = [c for c in result.checks if c.kind == Kind.SPEED and c.outcome != Outcome.SKIPPED]
    if slow and not (speed and all(c.outcome == Outcome.FAILED and c.mistake and c.mistake.name == "too slow"
                                   for c in speed)):
        return "its speed check did not fail as too slow"
    return None


def prove(exercise: catalog.Exercise, *, say=print) -> Proof:
    """Every claim of the module docstring for one exercise."""
    started = time.perf_counter()
    proof = Proof(exercise.name)

    def claim(problem: str | None, text: str) -> None:
        if problem:
            proof.problems.append(f"{text}: {problem}")
        say(f" {'✗' if problem else '✓'} {text}" + (f"\n     {problem}" if problem else ""))

    files = files_problems(exercise)
    claim("; ".join(files), "catalog and files agree")
    if files:
        proof.seconds = time.perf_counter() - started
        return proof
    claim(stub_problem(exercise), "the stub fails as not implemented")
    claim(solution_problem(exercise), "the solution passes every check, speed included")
    named_anywhere: set[str] = set()
    for path in implementations(exercise, MUTANTS):
        problem, named = mutant_verdict(exercise, path)
        named_anywhere |= named
        expected = module_constant(path, "EXPECTED_MISTAKE")
        claim(problem, f"mutants/{path.name} is rejected" + (f" as {expected!r}" if expected else ""))
    for path in implementations(exercise, ALTERNATIVES):
        slow = module_constant(path, "TOO_SLOW", False)
        claim(alternative_problem(exercise, path),
              f"alternatives/{path.name} is accepted" + (" (too slow, as it should be)" if slow else ""))
    unnamed = sorted(m.name for m in exercise.mistakes.values() if m.name not in named_anywhere)
    claim(unnamed and f"no wrong implementation is named {unnamed}",
          f"each of the {len(exercise.mistakes)} mistakes in exercise.toml is named on a mutant")
    claim("; ".join(speed_docstring_problems(exercise)), "the stub's docstring states the speed check's sizes and limits")
    if exercise.rules:
        claim("; ".join(rules_docstring_problems(exercise)), "the stub's docstring states every rule in [rules]")
    proof.seconds = time.perf_counter() - started
    return proof


def pin_threads() -> None:
    """One BLAS and one torch thread, as in a learner's run: speed ratios compare one thread with one.
    The variables only count before numpy is imported, so this runs first."""
    import os

    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
                     "NUMEXPR_NUM_THREADS"):
        os.environ[variable] = "1"
    if "numpy" in sys.modules:  # too late for the variables: ask the pools themselves
        try:
            from threadpoolctl import threadpool_limits
            threadpool_limits(1)
        except ImportError:
            pass


def check(names: list[str], *, say=print) -> int:
    """Prove each exercise named (every one when `names` is empty); 0 when all hold, 1 otherwise."""
    pin_threads()
    from .check.kernels import use_interpreter_without_cuda

    use_interpreter_without_cuda()  # before anything imports triton (see grader.check.kernels)
    kit = catalog.load()
    exercises = [kit.get(n) for n in names] if names else list(kit.exercises)
    unknown = [n for n, e in zip(names, exercises) if e is None]
    if unknown:
        say(f"unknown exercise: {', '.join(unknown)}")
        return 2
    failed = []
    for exercise in exercises:
        say(f"{exercise.name}")
        proof = prove(exercise, say=say)
        say(f"   {'proved' if proof.ok else 'NOT proved'} in {proof.seconds:.1f} s")
        if not proof.ok:
            failed.append(exercise.name)
    if len(exercises) > 1:
        say(f"{len(exercises) - len(failed)} of {len(exercises)} exercises proved"
            + (f"; not: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0
