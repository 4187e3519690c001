"""Every verdict the kit gives on its own files, as one JSON document, to compare two versions of the grader.

    python tests/verdicts.py OUT.json          # every exercise
    python tests/verdicts.py OUT.json conv2d   # some exercises

For each exercise: its stub, its solution, every wrong implementation and every correct alternative,
run in-process (as the kit's tests run them), recorded as the list of (check name, kind, outcome,
reason, named mistake), then the run's diagnosis (the one mistake the report names). A refactoring
of the grader must leave this document unchanged (speed outcomes aside, which depend on the machine's
load): `python tests/verdicts.py --compare A.json B.json [NAME…]`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def implementation_files(name: str) -> dict[str, Path]:
    """label -> file for the stub, the solution, the wrong implementations and the alternatives of `name`."""
    files = {"stub": ROOT / "exercises" / f"{name}.py", "solution": ROOT / "solutions" / f"{name}.py"}
    for kind in ("mutants", "alternatives"):
        for folder in (ROOT / "tests" / kind / name, ROOT / "grader" / "exercises" / name / kind):
            for f in sorted(folder.glob("*.py")) if folder.is_dir() else ():
                if not f.name.startswith("_"):
                    files[f"{kind}/{f.stem}"] = f
    return files


def record(name: str, path: Path, speed: bool) -> list[list]:
    from conftest import run_checks

    result = run_checks(name, path, speed=speed)
    rows = []
    for c in result.checks:
        c = c if isinstance(c, dict) else c.to_json()
        mistake = (c.get("mistake") or {}).get("name")
        rows.append([c["name"], c["kind"], c["outcome"], c.get("reason"), mistake])
    diagnosis = getattr(result, "mistake", None)  # the run's one named mistake (what the report shows)
    rows.append(["(run diagnosis)", "run", None, None, diagnosis.name if diagnosis else None])
    return rows


def main(argv: list[str]) -> int:
    if argv[:1] == ["--compare"]:
        return compare(Path(argv[1]), Path(argv[2]), argv[3:])
    out, names = Path(argv[0]), argv[1:]
    from conftest import CATALOG

    names = names or CATALOG.names()
    document = {}
    for name in names:
        for label, path in implementation_files(name).items():
            slow = "TOO_SLOW = True" in path.read_text()
            document[f"{name}/{label}"] = record(name, path, speed=label == "solution" or slow)
            print(name, label, flush=True)
    out.write_text(json.dumps(document, indent=1))
    return 0


def compare(a: Path, b: Path, names: list[str] = ()) -> int:
    """Print every difference between two documents (only for the exercises `names`, if given)."""
    before, after = json.loads(a.read_text()), json.loads(b.read_text())
    if names:
        before, after = ({k: v for k, v in d.items() if k.split("/")[0] in names} for d in (before, after))
    differences = 0
    for key in sorted(set(before) | set(after)):
        if key not in before or key not in after:
            print(f"{key}: only in {'after' if key in after else 'before'}")
            differences += 1
            continue
        rows_a = {r[0]: r for r in before[key]}
        rows_b = {r[0]: r for r in after[key]}
        for check in sorted(set(rows_a) | set(rows_b)):
            ra, rb = _timing_aside(rows_a.get(check)), _timing_aside(rows_b.get(check))
            if ra != rb:
                print(f"{key}: {check}: {ra} -> {rb}")
                differences += 1
    print(f"{differences} differences over {len(set(before) | set(after))} files")
    return 1 if differences else 0


def _timing_aside(row: list | None) -> list | None:
    """A speed verdict depends on the machine's load: compare only that it was timed."""
    if row and row[1] == "speed" and row[2] in ("passed", "failed"):
        return [row[0], row[1], "timed", None, None]
    return row


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
