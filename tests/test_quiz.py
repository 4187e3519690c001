"""grader quiz: the site's interview questions asked one at a time from stdin, a Leitner schedule in the
progress file, and the CSV / Anki exports."""
from __future__ import annotations

import csv
import datetime
import io
import json
import os
import subprocess
import sys

import pytest

from conftest import CATALOG, ROOT
from grader import cli, progress, questions
from grader.commands import quiz
from grader.workspace import Workspace

DAY = datetime.date(2026, 1, 10)


def _session(monkeypatch, capsys, answers: str, *args: str, on: datetime.date = DAY) -> tuple[int, str]:
    """One quiz session as a learner runs it: the answers typed on stdin, one per line."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    monkeypatch.setattr(quiz, "today", lambda: on)
    code = cli.main(["quiz", *args])
    return code, " ".join(capsys.readouterr().out.split())  # the console wraps long lines


def _cards(ws) -> dict:
    return json.loads((ws / ".grader" / "state.json").read_text())["quiz"]


def test_the_shipped_questions_are_the_sites():
    pytest.importorskip("pylatexenc", reason="collecting the questions needs the dev extra (pylatexenc)")
    fresh = questions.collect(ROOT / "site")
    assert questions.dump(fresh) == questions.QUESTIONS_FILE.read_text(encoding="utf-8"), \
        "grader/questions.json is out of date: run python -m grader.questions"


def test_every_page_contributes_questions_with_stable_unique_ids():
    found = questions.load()
    assert len(found) >= 250
    assert len({q.id for q in found}) == len(found)
    pages = {q.page for q in found}
    assert {e.page for e in CATALOG.exercises} <= pages
    assert all(q.question and q.answer and q.text for q in found)
    assert not any("\\(" in q.text or "\\frac" in q.text for q in found), "terminal answers show maths as text"


def test_a_session_schedules_known_later_and_not_yet_today(workspace, monkeypatch, capsys):
    cnn = [q for q in questions.load() if q.topic == "cnn"]
    code, out = _session(monkeypatch, capsys, "\ny\n\nn\n", "--topic", "cnn", "--count", "2")
    assert code == 0
    flat = lambda text: " ".join(text.split())  # noqa: E731
    assert out.index(flat(cnn[0].prompt)) < out.index(flat(cnn[0].text)), "the question, then its answer"
    assert "1 known, 1 not yet" in out
    cards = _cards(workspace)
    assert cards[cnn[0].id]["box"] == 1 and cards[cnn[0].id]["due"] == "2026-01-11"
    assert cards[cnn[1].id]["box"] == 0 and cards[cnn[1].id]["due"] == "2026-01-10"
    # The same day: the card not known comes first, then a new one; the known one waits.
    code, out = _session(monkeypatch, capsys, "\ny\nq\n", "--topic", "cnn", "--count", "3")
    assert out.index(flat(cnn[1].prompt)) < out.index(flat(cnn[2].prompt)) and flat(cnn[0].prompt) not in out
    assert _cards(workspace)[cnn[1].id]["box"] == 1
    # Four days later both are due, the longest overdue first; known again moves up to box 2 (3 days).
    code, out = _session(monkeypatch, capsys, "\ny\n\ny\nq\n", "--topic", "cnn", "--count", "5",
                         on=DAY + datetime.timedelta(days=4))
    assert out.index(flat(cnn[0].prompt)) < out.index(flat(cnn[1].prompt))
    cards = _cards(workspace)
    assert cards[cnn[0].id] == {"box": 2, "due": "2026-01-17", "last": "2026-01-14", "seen": 2}
    assert cards[cnn[1].id]["box"] == 2 and cards[cnn[1].id]["seen"] == 3


def test_quitting_or_closed_input_keeps_the_answers_given(workspace, monkeypatch, capsys):
    code, out = _session(monkeypatch, capsys, "\nn\n", "--count", "4")  # input ends after one answer
    assert code == 0 and len(_cards(workspace)) == 1
    code, out = _session(monkeypatch, capsys, "", "--count", "4")
    assert code == 0 and len(_cards(workspace)) == 1
    code, out = _session(monkeypatch, capsys, "\nmaybe\ny\n", "--count", "1")  # the card not known, again
    assert "Type y, n or q" in out and [c["box"] for c in _cards(workspace).values()] == [1]


def test_other_verbs_keep_the_schedule(workspace):
    w = Workspace(workspace)
    state = progress.load(w)
    quiz.answer(state.quiz, "conv2d-x", quiz.KNOWN, DAY)
    progress.save(w, state)
    again = progress.load(w)
    again.exercise("conv2d").hints_seen = 1  # what grader hint does
    progress.save(w, again)
    assert progress.load(w).quiz == {"conv2d-x": {"box": 1, "due": "2026-01-11", "last": "2026-01-10", "seen": 1}}


def test_nothing_due_says_when_and_unknown_topics_are_usage_errors(workspace, monkeypatch, capsys):
    everything = "\ny\n" * 40
    _session(monkeypatch, capsys, everything, "--topic", "attention", "--count", "40")
    code, out = _session(monkeypatch, capsys, "", "--topic", "attention")
    assert code == 0 and "Nothing is due today" in out and "2026-01-11" in out
    assert cli.main(["quiz", "--topic", "no-such-topic"]) == 2
    assert "topics:" in capsys.readouterr().err


def test_export_csv_and_anki(workspace, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    chosen = [q for q in questions.load() if q.topic == "detection"]
    assert cli.main(["quiz", "--export", "csv", "--topic", "detection"]) == 0
    rows = list(csv.reader((tmp_path / "interview-questions.csv").open(encoding="utf-8")))
    assert rows[0] == ["question", "answer", "topic", "page", "id"]
    assert [r[0] for r in rows[1:]] == [q.question for q in chosen] and rows[1][1] == chosen[0].answer
    deck = tmp_path / "deck.txt"
    assert cli.main(["quiz", "--export", "anki", "--output", str(deck)]) == 0
    lines = deck.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#separator:tab" and "#html:true" in lines and "#tags column:3" in lines
    cards = [line.split("\t") for line in lines if not line.startswith("#")]
    assert len(cards) == len(questions.load()) and all(len(c) == 3 for c in cards)
    assert any("\\(" in c[1] for c in cards), "maths stays \\( … \\) for Anki's MathJax"
    # Exporting again over the file backs it up first.
    deck.write_text("my own notes")
    assert cli.main(["quiz", "--export", "anki", "--output", str(deck)]) == 0
    backups = list(Workspace(workspace).backups.glob("deck-*.txt"))
    assert backups and backups[0].read_text() == "my own notes"


def test_quiz_reads_answers_from_a_pipe(workspace):
    proc = subprocess.run([sys.executable, "-m", "grader", "quiz", "--count", "1"], input="\ny\n", text=True,
                          capture_output=True, cwd=ROOT, timeout=60,
                          env={**os.environ, "GRADER_WORKSPACE": str(workspace)})
    assert proc.returncode == 0, proc.stderr
    assert "1 known, 0 not yet" in proc.stdout and len(_cards(workspace)) == 1


def test_a_damaged_schedule_never_stops_the_quiz(workspace, monkeypatch, capsys):
    first = questions.load()[0]
    (workspace / ".grader" / "state.json").write_text(json.dumps(
        {"quiz": {first.id: {"box": "high", "due": 5, "seen": "many"}, "other": [1, 2], "x": "y"}}))
    code, out = _session(monkeypatch, capsys, "\ny\n", "--count", "1")
    assert code == 0 and " ".join(first.prompt.split()) in out, "a card with a damaged date is due now"
    assert _cards(workspace) == {first.id: {"box": 1, "due": "2026-01-11", "last": "2026-01-10", "seen": 1}}
