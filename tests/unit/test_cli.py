"""The ``jiancha`` command line as ``python -m jiancha.cli`` runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from jiancha.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_module_help_lists_every_command() -> None:
    # Running the module (not importing it) catches a __main__ guard placed
    # before a command's definition: that command would be missing here.
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-m", "jiancha.cli", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=True,
    )
    listed = {
        line.split()[0]
        for line in result.stdout.split("Commands:", 1)[1].splitlines()
        if line.strip()
    }
    assert "bulletin" in listed
    assert set(main.commands) <= listed
