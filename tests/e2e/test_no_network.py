"""The app never opens a network connection: start the window, self-test, export a PDF."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# An audit hook sees every socket Python creates or resolves, also inside libraries.
GUARD = """
import os, sys
def _no_network(event, args):
    if event in ("socket.__new__", "socket.connect", "socket.getaddrinfo", "socket.bind",
                 "socket.sendto", "socket.gethostbyname", "urllib.Request"):
        sys.stderr.write(f"NETWERK GEBRUIKT: {event} {args!r}\\n")
        sys.stderr.flush()
        os._exit(99)
sys.addaudithook(_no_network)
from drugspreventie_app.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def _run_guarded(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", GUARD, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)},
        timeout=120,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--exit-when-ready"],
        ["selftest"],
        ["middelen", "handout", "cannabis", "--doelgroep", "ouders", "-o", "{tmp}/h.pdf"],
    ],
    ids=["venster", "selftest-met-pdf", "handout-pdf"],
)
def test_no_socket_is_opened(args: list[str], data_dir: Path, tmp_path: Path) -> None:
    result = _run_guarded([a.replace("{tmp}", str(tmp_path)) for a in args])
    assert "NETWERK GEBRUIKT" not in result.stderr
    assert result.returncode == 0, result.stderr


def test_the_guard_itself_catches_a_socket(data_dir: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            GUARD.replace(
                "from drugspreventie_app", "import socket; socket.socket()\nfrom drugspreventie_app"
            ),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 99 and "NETWERK GEBRUIKT" in result.stderr
