"""The interview questions of the theory site, for `grader quiz`.

The site's pages fold each question in a `??? question "…"` block with its answer indented under
it. `collect(site)` reads them from site/exercises/*.md and site/topics/*.md; the kit ships the
result as grader/questions.json (package data), so an installed kit has them without the site.
`python -m grader.questions` rewrites that file; a kit test keeps it in step with the pages.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

QUESTIONS_FILE = Path(__file__).with_name("questions.json")
HEADER = re.compile(r'^\?\?\?\+? question "(.+)"\s*$')
MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)


@dataclass(frozen=True)
class Question:
    id: str          # stable across edits of the answer: page and question text
    topic: str       # the exercise's topic in the catalog, or the theory page's name
    page: str        # site/<page>, where the question is answered in full
    question: str    # Markdown, maths as \( … \)
    answer: str      # Markdown, maths as \( … \) (Anki renders it with MathJax)
    text: str        # the answer for a terminal: maths written as Unicode

    @property
    def prompt(self) -> str:
        return _plain(self.question)


def _plain(markdown: str) -> str:
    """Markdown with its TeX as readable Unicode, for a terminal (pylatexenc, at collection time)."""
    def math(match: re.Match) -> str:
        from pylatexenc.latex2text import LatexNodes2Text

        tex = match.group(1) if match.group(1) is not None else match.group(2)
        return " ".join(LatexNodes2Text(math_mode="text").latex_to_text(tex).split())

    return _unwrap(MATH.sub(math, markdown).replace("**", ""))


def _unwrap(text: str) -> str:
    """Join the lines of each paragraph (the page wraps them at 100 columns; a terminal wraps itself);
    list items, tables and code blocks keep their lines."""
    out: list[str] = []
    fence = False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fence = not fence
            out.append(line)
        elif fence or not out or not line.strip() or not out[-1].strip() or out[-1].lstrip().startswith(("```", "|")) \
                or re.match(r"\s*([-*|]|\d+\.)\s", line):
            out.append(line)
        else:
            out[-1] += " " + line.strip()
    return "\n".join(out)


def _blocks(text: str):
    """(question, answer) for each folded question block of a page."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        header = HEADER.match(lines[i])
        i += 1
        if not header:
            continue
        body = []
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
            body.append(lines[i][4:])
            i += 1
        yield header.group(1), "\n".join(body).strip()


def collect(site: Path) -> list[Question]:
    """Every folded question of the site, in the catalog's teaching order, then the theory pages'."""
    from . import catalog as catalog_module

    catalog = catalog_module.load()
    pages = [(e.page, e.topic) for e in catalog.exercises]
    pages += [(f"topics/{p.name}", p.stem) for p in sorted((site / "topics").glob("*.md")) if p.stem != "index"]
    out = []
    for page, topic in pages:
        path = site / page
        if not path.is_file():
            continue
        for question, answer in _blocks(path.read_text(encoding="utf-8")):
            digest = hashlib.sha1(f"{page}\n{question}".encode()).hexdigest()[:10]
            out.append(Question(id=f"{Path(page).stem}-{digest}", topic=topic, page=page, question=question,
                                answer=answer, text=_plain(answer)))
    return out


def load() -> list[Question]:
    """The shipped questions (grader/questions.json)."""
    try:
        raw = json.loads(QUESTIONS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Question(**q) for q in raw.get("questions", [])]


def dump(questions: list[Question]) -> str:
    return json.dumps({"version": 1, "questions": [asdict(q) for q in questions]}, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":  # python -m grader.questions: rewrite grader/questions.json from site/
    found = collect(Path(__file__).resolve().parent.parent / "site")
    QUESTIONS_FILE.write_text(dump(found), encoding="utf-8")
    print(f"{len(found)} questions written to {QUESTIONS_FILE}")
