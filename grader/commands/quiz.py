"""grader quiz: the site's interview questions, one at a time, on a spaced-repetition schedule.

Each question is a card in a Leitner box (kept in the progress file under "quiz"). Known: the card
moves up a box and comes back after that box's interval (1, 3, 7, 16, then 35 days); not yet: it
goes back to box 0 and is due again today. A session asks the cards that are due (the longest
overdue first), then new ones in teaching order. Leitner boxes rather than SM-2 or FSRS: a learner
can read the schedule off the file, and two answers (known / not yet) are all it needs.

`--export csv|anki` writes every question (or one topic's) to a file: CSV for a spreadsheet, or a
tab-separated file with Anki's import headers (maths stays \\( … \\), which Anki draws with MathJax).
"""
from __future__ import annotations

import csv
import datetime
import html
import io
import re
import sys
from pathlib import Path

from .. import progress, questions, theory
from ..workspace import display_path
from . import common

HELP = "practise the interview questions, with a spaced-repetition schedule"
EXAMPLES = ("grader quiz                      # the questions due today, then new ones (10 at most)\n"
            "  grader quiz --topic detection --count 5\n"
            "  grader quiz --export anki        # a deck to import into Anki (File > Import)\n"
            "  grader quiz --export csv --output questions.csv")

INTERVALS = (0, 1, 3, 7, 16, 35)   # days until a card in box b comes back; box 0 is due at once
KNOWN, NOT_YET, QUIT = "known", "not yet", "quit"
ANSWERS = {"y": KNOWN, "yes": KNOWN, "k": KNOWN, "known": KNOWN,
           "n": NOT_YET, "no": NOT_YET, "not yet": NOT_YET, "q": QUIT, "quit": QUIT}
EXPORTS = {"csv": "interview-questions.csv", "anki": "interview-questions-anki.txt"}


def today() -> datetime.date:
    return datetime.date.today()


def register(verbs) -> None:
    p = common.add_verb(verbs, "quiz", HELP, EXAMPLES, main)
    p.add_argument("--topic", help="only this topic's questions (an exercise topic or a theory page)")
    p.add_argument("--count", type=int, default=10, help="questions in this session (default 10)")
    p.add_argument("--export", choices=sorted(EXPORTS), help="write the questions to a file instead")
    p.add_argument("--output", type=Path, help="where --export writes (default interview-questions.*)")


def _selected(topic: str | None) -> list[questions.Question]:
    found = questions.load()
    if not found:
        raise common.Refused("no interview questions were found in this installation (grader/questions.json).")
    if topic is None:
        return found
    topics = list(dict.fromkeys(q.topic for q in found))
    if topic not in topics:
        raise common.UsageError(f"no questions on {topic!r}; topics: {', '.join(topics)}")
    return [q for q in found if q.topic == topic]


def schedule(cards: dict, chosen: list[questions.Question], on: datetime.date, count: int) -> list[questions.Question]:
    """The questions to ask on day `on`: due cards, longest overdue first, then new ones in order."""
    due = [q for q in chosen if q.id in cards and _due(cards[q.id]) <= on]
    due.sort(key=lambda q: (_due(cards[q.id]), cards[q.id].get("box", 0)))
    new = [q for q in chosen if q.id not in cards]
    return (due + new)[:max(count, 0)]


def _due(card: dict) -> datetime.date:
    try:
        return datetime.date.fromisoformat(str(card.get("due")))
    except ValueError:
        return datetime.date.min  # a damaged date: ask it now


def answer(cards: dict, question_id: str, verdict: str, on: datetime.date) -> dict:
    """Move a card after an answer: up one box when known, back to box 0 when not yet."""
    card = dict(cards.get(question_id) or {})
    box = card.get("box") if isinstance(card.get("box"), int) else 0
    box = min(box + 1, len(INTERVALS) - 1) if verdict == KNOWN else 0
    card.update(box=box, due=(on + datetime.timedelta(days=INTERVALS[box])).isoformat(), last=on.isoformat(),
                seen=int(card.get("seen", 0)) + 1 if isinstance(card.get("seen", 0), int) else 1)
    cards[question_id] = card
    return card


def _read(prompt: str, console) -> str | None:
    console.print(prompt, end="")
    line = sys.stdin.readline()
    if not line or not sys.stdin.isatty():  # piped answers do not echo: end the prompt's line
        console.print()
    if not line:       # end of input: stop, keeping what was answered
        return None
    return line.strip().lower()


def _ask(console, q: questions.Question, number: int, total: int) -> str:
    console.print(f"\n[bold]Question {number} of {total}[/] [dim]({q.topic} · {theory.link(q.page)})[/]")
    console.print(q.prompt, markup=False)
    if _read("[dim]Enter: show the answer, q: quit[/] ", console) in (None, "q", "quit"):
        return QUIT
    console.print(q.text, markup=False)
    while True:
        reply = _read("Did you know it? [bold]y[/] known · [bold]n[/] not yet · q quit: ", console)
        if reply is None:
            return QUIT
        if reply in ANSWERS:
            return ANSWERS[reply]
        console.print("[dim]Type y, n or q.[/]")


def main(args) -> int:
    chosen = _selected(args.topic)
    if args.export:
        return _export(args, chosen)
    if args.count < 1:
        raise common.UsageError("--count must be at least 1")
    console = common.console()
    ws = common.find_workspace(required=False)
    state = progress.load(ws)
    on = today()
    session = schedule(state.quiz, chosen, on, args.count)
    if not session:
        upcoming = min((_due(state.quiz[q.id]) for q in chosen if q.id in state.quiz), default=None)
        when = f" The next is due on {upcoming.isoformat()}." if upcoming else ""
        console.print(f"Nothing is due today: you have seen all {len(chosen)} questions.{when}")
        return common.OK
    tally = {KNOWN: 0, NOT_YET: 0}
    for number, q in enumerate(session, 1):
        verdict = _ask(console, q, number, len(session))
        if verdict == QUIT:
            break
        card = answer(state.quiz, q.id, verdict, on)
        tally[verdict] += 1
        progress.save(ws, state)  # after every answer: quitting loses nothing
        days = INTERVALS[card["box"]]
        back = "again today" if days == 0 else f"in {days} day{'s' if days > 1 else ''} (box {card['box']})"
        console.print(f"[dim]{verdict.capitalize()}: it comes back {back}.[/]")
    seen = sum(1 for q in chosen if q.id in state.quiz)
    console.print(f"\n{tally[KNOWN]} known, {tally[NOT_YET]} not yet. "
                  f"You have seen {seen} of {len(chosen)} questions; `grader quiz` again asks what is due.")
    return common.OK


def _html(markdown: str) -> str:
    """An answer for an Anki card: escaped, `code` and **bold** kept, maths left to MathJax."""
    text = html.escape(markdown, quote=False)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", text)
    return text.replace("\t", " ").replace("\n", "<br>")


def _export(args, chosen: list[questions.Question]) -> int:
    target = args.output or Path(EXPORTS[args.export])
    if target.exists():
        saved = common.backup(common.find_workspace(required=False), target)
        common.console().print(f"[dim]{display_path(target)} existed: backed up to {display_path(saved)}.[/]")
    buffer = io.StringIO()
    if args.export == "csv":
        writer = csv.writer(buffer)
        writer.writerow(["question", "answer", "topic", "page", "id"])
        for q in chosen:
            writer.writerow([q.question, q.answer, q.topic, theory.link(q.page), q.id])
    else:  # Anki's text import: these headers set the separator, HTML, the note type and the tags column
        buffer.write("#separator:tab\n#html:true\n#notetype:Basic\n#deck:Deep-learning interview kit\n#tags column:3\n")
        for q in chosen:
            buffer.write(f"{_html(q.question)}\t{_html(q.answer)}\t{q.topic.replace(' ', '_')}\n")
    try:
        target.write_text(buffer.getvalue(), encoding="utf-8")
    except OSError as error:
        raise common.Refused(f"could not write {display_path(target)}: {error}") from None
    common.console().print(f"{len(chosen)} questions written to {display_path(target)} ({args.export}).")
    return common.OK
