"""Issue 19: the Python API (grader.check), the IPython magics, and the notebooks made from the catalog.

The fast tests read what is sent for a function (the cell's definitions and what they need from the
notebook's namespace) and the notebooks' text; the slow ones run checks in child processes, and
execute notebooks headless through a real Jupyter kernel (nbclient + ipykernel).
"""
from __future__ import annotations

import json
import linecache
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CATALOG, ROOT
from grader import api, cli
from grader.commands import notebook

CONV2D = CATALOG.get("conv2d")
MUTANTS = ROOT / "grader" / "exercises" / "conv2d" / "mutants"


def cell(namespace: dict, source: str, number: int) -> None:
    """Run `source` as a notebook cell does: compiled under a file name registered in linecache."""
    filename = f"<test-cell-{number}-{abs(hash(source))}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), namespace)


def notebook_namespace() -> dict:
    return {"__name__": "__main__", "__builtins__": __builtins__}


# ---------------------------------------------------------------- cheap to import

def test_importing_grader_imports_neither_torch_numpy_nor_ipython():
    code = ("import sys, grader; assert callable(grader.check); "
            "print(sorted(m for m in ('torch', 'numpy', 'IPython', 'grader.magics') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_an_unknown_attribute_of_grader_is_an_attribute_error():
    import grader

    with pytest.raises(AttributeError):
        grader.no_such_thing  # noqa: B018


# ---------------------------------------------------------------- what is sent for a function

def test_definitions_keep_defs_imports_and_constants_on_their_lines_and_drop_what_runs():
    source = ("import numpy as np\nEPS = 1e-5\nx = np.zeros(3)\n\ndef f(a):\n    return a + EPS\n"
              "print(f(1))\nimport grader\nresult = grader.check('conv2d', f)\nfor i in range(3):\n    f(i)\n")
    kept = api.definitions(source).splitlines()
    assert kept[0] == "import numpy as np" and kept[1] == "EPS = 1e-5"
    assert kept[2] == "" and kept[4] == "def f(a):" and kept[5] == "    return a + EPS"
    assert "print" not in "".join(kept) and "grader.check" not in "".join(kept) and "range" not in "".join(kept)


def test_a_cell_function_is_sent_with_imports_helpers_and_constants_of_earlier_cells():
    ns = notebook_namespace()
    cell(ns, "import numpy as np\nfrom math import sqrt as root\nEPS = 1e-5\nSCALE = [2, 3]\n", 1)
    cell(ns, "def helper(a):\n    return np.asarray(a) * SCALE[0]\n", 2)
    cell(ns, "def conv2d(x):\n    return helper(x) + EPS + root(4.0)\n\nprint(conv2d(1.0))\n", 3)
    sent = api.source_of(ns["conv2d"], CONV2D)
    assert "import numpy as np" in sent.text and "from math import sqrt as root" in sent.text
    assert "EPS = 1e-05" in sent.text and "SCALE = [2, 3]" in sent.text and "def helper(a):" in sent.text
    assert "print(" not in sent.text
    fresh: dict = {}
    exec(compile(sent.text, "sent.py", "exec"), fresh)  # the file stands on its own
    assert fresh["conv2d"](1.0) == pytest.approx(2 + 1e-5 + 2.0)


def test_future_imports_of_the_cell_and_its_helpers_stay_first_in_the_file_sent():
    ns = notebook_namespace()
    cell(ns, "from __future__ import annotations\nimport numpy as np\n\ndef helper(a: np.ndarray) -> np.ndarray:\n"
             "    return a\n", 9)
    cell(ns, "from __future__ import annotations\n\ndef conv2d(x: np.ndarray) -> np.ndarray:\n"
             "    return helper(np.asarray(x))\n", 10)
    sent = api.source_of(ns["conv2d"], CONV2D)
    assert sent.text.startswith("from __future__ import annotations; import numpy as np")
    fresh: dict = {}
    exec(compile(sent.text, "sent.py", "exec"), fresh)  # a __future__ import anywhere else is a SyntaxError
    assert fresh["conv2d"](2.0) == 2.0


def test_a_function_under_another_name_is_bound_to_the_exercise_name():
    ns = notebook_namespace()
    cell(ns, "def my_conv(x):\n    return x\n", 4)
    sent = api.source_of(ns["my_conv"], CONV2D)
    fresh: dict = {}
    exec(compile(sent.text, "sent.py", "exec"), fresh)
    assert fresh["conv2d"] is fresh["my_conv"]


def test_a_name_that_cannot_be_sent_is_named_and_a_function_without_source_is_refused():
    ns = notebook_namespace()
    cell(ns, "WEIGHTS = object()\n", 5)
    cell(ns, "def conv2d(x):\n    return x * WEIGHTS\n", 6)
    with pytest.raises(api.SourceNotFound, match="'WEIGHTS'"):
        api.source_of(ns["conv2d"], CONV2D)
    bare = notebook_namespace()
    exec("def conv2d(x):\n    return x\n", bare)  # no file, no cell: nowhere to read it from
    with pytest.raises(api.SourceNotFound, match="cannot be found"):
        api.check("conv2d", bare["conv2d"], record=False)


def test_unknown_exercises_and_unreadable_targets_are_grader_errors():
    with pytest.raises(api.GraderError, match="no exercise called 'conv2'.*conv2d"):
        api.check("conv2", "solutions/conv2d.py")
    with pytest.raises(api.GraderError, match="is not a file"):
        api.check("conv2d", "no/such/file.py")
    with pytest.raises(api.GraderError, match="cannot check int"):
        api.check("conv2d", 3)


# ---------------------------------------------------------------- notebooks from the catalog

def test_the_committed_notebooks_are_what_the_catalog_makes():
    folder = ROOT / notebook.DEFAULT_DIR
    expected = {f"{e.name}.ipynb" for e in CATALOG.exercises}
    assert {p.name for p in folder.glob("*.ipynb")} == expected, "run: python -m grader notebook --force"
    stale = [e.name for e in CATALOG.exercises if (folder / f"{e.name}.ipynb").read_text() != notebook.render(e)]
    assert not stale, f"notebooks/ out of date for {stale}: run python -m grader notebook --force"


def test_a_notebook_holds_the_spec_the_stub_in_a_grade_cell_and_folded_hints():
    data = json.loads(notebook.render(CONV2D))
    sources = ["".join(c["source"]) for c in data["cells"]]
    kinds = [c["cell_type"] for c in data["cells"]]
    stub = (ROOT / "exercises" / "conv2d.py").read_text()
    assert "%load_ext grader" in sources[1] and "find_spec(\"grader\")" in sources[1]
    assert "Apply a 2-D convolution" in sources[2] and "site/exercises/conv2d.md" in sources[2]
    assert sources[3] == "%%grade conv2d\n" + stub and kinds[3] == "code"
    hints = [s for s in sources if s.startswith("<details>")]
    assert len(hints) == len(CONV2D.hints) and all(h.endswith("</details>") for h in hints)
    assert notebook.pristine(notebook.render(CONV2D))


def test_grader_notebook_keeps_an_edited_notebook_unless_forced_and_then_backs_it_up(workspace, capsys):
    out = workspace / "nb"
    assert cli.main(["notebook", "conv2d", str(out)]) == 0
    path = out / "conv2d.ipynb"
    generated = path.read_text()
    data = json.loads(generated)
    data["cells"][3]["source"] = "%%grade conv2d\ndef conv2d(x, weight):\n    return 'my work'\n"
    path.write_text(json.dumps(data))
    assert cli.main(["notebook", "conv2d", str(out)]) == 0
    assert "my work" in path.read_text() and "kept" in capsys.readouterr().out
    assert cli.main(["notebook", "conv2d", str(out), "--force"]) == 0
    assert path.read_text() == generated
    backups = list((workspace / ".grader" / "backups").glob("conv2d*.ipynb"))
    assert len(backups) == 1 and "my work" in backups[0].read_text()
    assert cli.main(["notebook", "--check", str(out), "--topic", "cnn"]) == 1  # the others are missing


# ---------------------------------------------------------------- the API, for real (child processes)

@pytest.mark.slow
def test_check_grades_a_file_and_a_notebook_function_and_records_progress(workspace):
    solution = api.check("conv2d", str(ROOT / "solutions" / "conv2d.py"), speed=False)
    assert solution.passed and solution.to_json()["passed"] is True
    ns = notebook_namespace()
    helpers = (MUTANTS / "_base.py").read_text()
    flipped = (MUTANTS / "flipped_kernel.py").read_text().replace("from _base import correlate, pair\n", "")
    cell(ns, helpers, 7)
    cell(ns, flipped + "\nprint(conv2d)\n", 8)
    result = api.check("conv2d", ns["conv2d"], speed=False)
    assert not result.passed and result.first_problem.mistake.name == "flipped kernel"
    assert result.to_json()["target"] == "your notebook cell"
    assert "Looks like: flipped kernel" in result.report() and "flipped kernel" in result._repr_html_()
    state = json.loads((workspace / ".grader" / "state.json").read_text())
    assert state["exercises"]["conv2d"]["attempts"] == 1  # the solution's run is not the learner's


# ---------------------------------------------------------------- notebooks through a real kernel

def _execute(nb, tmp_path, monkeypatch):
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    from nbclient import NotebookClient

    # The kernel imports this checkout's grader (not an installed one) and works in a throwaway workspace.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    NotebookClient(nb, timeout=240, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb


def _text(cell) -> str:
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}")
        else:
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def _html(cell) -> str:
    return "\n".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)


@pytest.mark.slow
def test_a_generated_notebook_fails_on_the_stub_and_passes_once_the_solution_is_pasted(workspace, tmp_path,
                                                                                       monkeypatch):
    import nbformat

    nb = nbformat.reads(notebook.render(CONV2D), as_version=4)
    graded = next(i for i, c in enumerate(nb.cells) if c.source.startswith("%%grade"))
    nb.cells[graded].source = nb.cells[graded].source.replace("%%grade conv2d", "%%grade conv2d --no-speed", 1)
    _execute(nb, tmp_path, monkeypatch)
    assert "conv2d is not implemented yet" in _text(nb.cells[graded])
    assert "run the cell" in _text(nb.cells[graded])
    nb.cells[graded].source = "%%grade conv2d\n" + (ROOT / "solutions" / "conv2d.py").read_text()
    _execute(nb, tmp_path, monkeypatch)
    assert "checks passed in" in _text(nb.cells[graded]) and "All " in _html(nb.cells[graded])
    assert "speed against torch" in _text(nb.cells[graded])


@pytest.mark.slow
def test_grade_cells_name_mistakes_survive_infinite_loops_and_skip_cuda_where_there_is_none(tmp_path, workspace,
                                                                                             monkeypatch):
    import nbformat
    from nbformat import v4

    helpers = (MUTANTS / "_base.py").read_text()
    flipped = (MUTANTS / "flipped_kernel.py").read_text().replace("from _base import correlate, pair\n", "")
    cells = [
        "%load_ext grader",
        helpers,                                           # helpers in an earlier cell: sent along
        "%%grade conv2d --no-speed\n" + flipped,
        "%grade conv2d --no-speed",                        # the notebook's conv2d, the flipped one
        "%env GRADER_TIME_LIMIT=8",
        "%%grade conv2d\ndef conv2d(x, weight, bias=None, stride=1, padding=0):\n    while True:\n        pass\n",
        "%%grade conv2d --no-speed\nimport os\n\ndef conv2d(x, weight, bias=None, stride=1, padding=0):\n"
        "    os._exit(3)\n",
        "print('kernel alive', 1 + 1)",
        "%%grade causal_mask --no-speed\n" + (ROOT / "solutions" / "causal_mask.py").read_text(),
        "%grade_hint conv2d",
        "%grade nonesuch",
        "%grade_list --topic cnn",
        # The API in a plain cell: the cell's definitions are sent, not its call of grader.check.
        "import grader\n" + (ROOT / "solutions" / "causal_mask.py").read_text().replace(
            "from __future__ import annotations\n", "") + "\ngrader.check('causal_mask', causal_mask, speed=False)",
    ]
    nb = v4.new_notebook(cells=[v4.new_code_cell(c) for c in cells])
    nbformat.validate(nb)
    _execute(nb, tmp_path, monkeypatch)
    mutant, line, loop, exits, alive, cuda, hint, unknown, listed, api_cell = (nb.cells[i] for i in range(2, 13) if i != 4)
    assert "Looks like: flipped kernel" in _text(mutant) and "flipped kernel" in _html(mutant)
    assert "Looks like: flipped kernel" in _text(line)
    assert "timed out" in _text(loop), _text(loop)
    assert "ended abruptly" in _text(exits) and "os._exit()" in _text(exits), _text(exits)
    assert "kernel alive 2" in _text(alive)
    import torch

    if torch.cuda.is_available():
        assert "on cuda" in _text(cuda) and "skipped" not in _text(cuda)
    else:
        assert "skipped: no CUDA device here" in _text(cuda), _text(cuda)
    assert "Hint 1 of" in _text(hint)
    assert "no exercise called 'nonesuch'" in _text(unknown) and "Traceback" not in _text(unknown)
    assert "max_pool2d" in _text(listed) and "box_iou" not in _text(listed)
    assert "checks passed in" in _text(api_cell) and "your notebook cell" in _text(api_cell), _text(api_cell)
