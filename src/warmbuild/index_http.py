"""The package index's file sizes (PEP 691 JSON, PEP 700 sizes), for `invoke init`
to tell heavy packages from light ones when the lock does not record sizes.

The index is the one the user's installers use, found at run time: PIP_INDEX_URL,
UV_DEFAULT_INDEX / UV_INDEX_URL, pip's configuration, else pip's default."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

ACCEPT = "application/vnd.pypi.simple.v1+json"
TIMEOUT_SECONDS = 20


def index_url() -> str | None:
    for variable in ("PIP_INDEX_URL", "UV_DEFAULT_INDEX", "UV_INDEX_URL"):
        if os.environ.get(variable):
            return os.environ[variable].rstrip("/")
    configured = subprocess.run(
        [sys.executable, "-m", "pip", "config", "get", "global.index-url"], capture_output=True, text=True
    )
    if configured.returncode == 0 and configured.stdout.strip():
        return configured.stdout.strip().rstrip("/")
    try:
        from pip._internal.models.index import PyPI
    except ImportError:
        return None
    return str(PyPI.simple_url).rstrip("/")


def file_sizes(name: str, base: str) -> dict[str, int]:
    """{file name: bytes} of one project's files, or {} when the index cannot tell."""
    request = urllib.request.Request(f"{base}/{name}/", headers={"Accept": ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            page = json.loads(response.read())
    except (OSError, ValueError):
        return {}
    return {f["filename"]: int(f["size"]) for f in page.get("files", []) if isinstance(f.get("size"), int)}


def sizes_of(names: Iterable[str]) -> dict[str, int]:
    """{file name: bytes} for the files of every named project, asked at once."""
    base = index_url()
    if base is None:
        return {}
    with ThreadPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(lambda name: file_sizes(name, base), sorted(set(names))))
    return {filename: size for page in pages for filename, size in page.items()}
