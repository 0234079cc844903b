"""Machine-wide locks by name serialise runs that write the same image or cache ref."""

from __future__ import annotations

import threading
import time

from warmbuild.machine_locks import machine_lock


def test_second_holder_waits_for_the_first() -> None:
    events: list[str] = []
    first_in = threading.Event()

    def first() -> None:
        with machine_lock("reg/app/deps:abc"):
            first_in.set()
            time.sleep(0.3)
            events.append("first done")

    def second() -> None:
        first_in.wait()
        with machine_lock("reg/app/deps:abc"):
            events.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert events == ["first done", "second in"]


def test_other_images_do_not_wait() -> None:
    with machine_lock("reg/app/deps:abc"):
        started = time.monotonic()
        with machine_lock("reg/app/deps:other"):
            assert time.monotonic() - started < 1


def test_a_holder_may_ask_again_for_a_name_it_holds() -> None:
    """execute() inside cache-warm's lock of the same cache ref must not wait on itself."""
    done = threading.Event()

    def nested() -> None:
        with machine_lock("reg/app/cache:dev-main"), machine_lock("reg/app/cache:dev-main", "reg/app/dev:main"):
            done.set()

    thread = threading.Thread(target=nested, daemon=True)
    thread.start()
    thread.join(5)
    assert done.is_set()
