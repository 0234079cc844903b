"""Run the invoke tasks as a user does: a subprocess from the repository root."""

from __future__ import annotations

import os
import subprocess
import sys

from support import REPO_ROOT


def invoke(*args: str, timeout: float = 900, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=timeout,
    )
