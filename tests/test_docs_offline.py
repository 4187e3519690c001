"""`grader docs` as a learner meets it: a busy port, a SIGTERM, and a pip-installed kit serving the whole
theory site offline, with reports that link to pages it serves."""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from grader import cli, theory


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, timeout: float, every: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""


def test_busy_port_fails_fast_with_one_line(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.perf_counter()
        assert cli.main(["docs", "--port", str(port)]) == 1
        seconds = time.perf_counter() - started
    err = " ".join(capsys.readouterr().err.split())
    assert f"port {port} is already in use" in err and f"--port {port + 1}" in err
    assert "Traceback" not in err and seconds < 3


def test_topic_page_by_name():
    from grader.commands.docs import page_of

    assert page_of("normalisation") == "topics/normalisation.md"
    assert page_of("conv2d") == "exercises/conv2d.md"
    assert theory.url_path("topics/normalisation.md") == "topics/normalisation/"


@pytest.mark.slow
def test_sigterm_to_grader_ends_mkdocs_serve_too():
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    grader = subprocess.Popen([sys.executable, "-m", "grader", "docs", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_until(lambda: theory.port_in_use(port), 300), "mkdocs serve never listened"
        grader.send_signal(signal.SIGTERM)
        grader.wait(timeout=20)
        assert wait_until(lambda: not theory.port_in_use(port), 10), "mkdocs serve still listens after SIGTERM"
    finally:
        if grader.poll() is None:
            grader.kill()


@pytest.mark.slow
@pytest.mark.timeout(900)  # a wheel, a venv, and the site built once: minutes on a loaded machine
def test_installed_wheel_serves_the_whole_site_offline_and_reports_link_to_it(tmp_path):
    # The wheel, built from this checkout's files (as pip would from a release).
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", "tests", "build", ".venv", "__pycache__",
                                                                "*.egg-info", ".grader"))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GRADER_WORKSPACE")}
    wheels = tmp_path / "wheels"
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                           "-w", str(wheels), str(source)], capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    wheel = next(wheels.glob("*.whl"))
    print(f"wheel: {wheel.stat().st_size / 1e3:.0f} kB")
    # A fresh venv that reuses this interpreter's packages (torch, mkdocs-material) through a .pth.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    import site

    Path(purelib, "_parent_env.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                           str(wheel)], capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    grader = venv / "bin" / "grader"
    env = {**env, "NO_COLOR": "1", "COLUMNS": "200"}
    practice = tmp_path / "practice"
    assert subprocess.run([str(grader), "init", str(practice)], env=env, cwd=tmp_path).returncode == 0
    where = subprocess.run([str(python), "-c", "import grader; print(grader.__file__)"], capture_output=True,
                           text=True, env=env, cwd=practice).stdout
    assert str(venv) in where, f"the test must use the installed copy, not {where}"

    # A report's theory link, for a wrong answer that names a mistake.
    mutant = ROOT / "grader" / "exercises" / "conv2d" / "mutants" / "flipped_kernel.py"
    report = subprocess.run([str(grader), "run", "conv2d", "--target", str(mutant), "-x", "--no-speed"],
                            capture_output=True, text=True, env=env, cwd=practice, timeout=300).stdout
    assert "site/exercises" not in report, report
    links = re.findall(r"http://127\.0\.0\.1:8000/(\S*)", report)
    assert links, report

    port = free_port()
    server = subprocess.Popen([str(grader), "docs", "--port", str(port)], env=env, cwd=practice,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        assert wait_until(lambda: fetch(base)[0] == 200, 600, every=2), "grader docs never served the site"
        for link in links:
            page, _, anchor = link.partition("#")
            status, html = fetch(base + page)
            assert status == 200, link
            assert not anchor or f'id="{anchor}"' in html, f"no #{anchor} on {page}"
        for page in ("topics/normalisation/", "exercises/lstm_cell/", "assets/katex/katex.min.js"):
            assert fetch(base + page)[0] == 200, page  # the whole site, KaTeX included: offline
        assert "NotImplementedError" in fetch(base + "exercises/conv2d/")[1]  # the stub, embedded
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    assert not theory.port_in_use(port)
