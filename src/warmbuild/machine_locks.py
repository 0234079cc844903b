"""Machine-wide exclusive locks by name: two runs on one machine share one daemon.

Two builds that name the same image collide in the image store, and two exports of
the same cache ref collide in the daemon's content store (the same blobs pushed at
once; containerd refuses the second writer). A run takes the names its build
touches; the other waits, then finds the work done.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

# Names this thread already holds: a nested request for one of them must not wait
# on itself (flock locks belong to the open file, not to the process).
_held = threading.local()


@contextlib.contextmanager
def machine_lock(*names: str) -> Iterator[None]:
    """Hold every named lock; taken in sorted order, so two runs needing two names
    each never wait on each other crosswise."""
    held: set[str] = _held.__dict__.setdefault("names", set())
    with contextlib.ExitStack() as stack:
        for name in sorted({n for n in names if n} - held):
            stack.enter_context(_flock(name))
            held.add(name)
            stack.callback(held.discard, name)
        yield


@contextlib.contextmanager
def _flock(name: str) -> Iterator[None]:
    # Released by the kernel if the process dies: an interrupted run never leaves it held.
    folder = Path(tempfile.gettempdir()) / "warmbuild-locks"
    folder.mkdir(exist_ok=True)
    path = folder / (hashlib.sha256(name.encode()).hexdigest()[:32] + ".lock")
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
