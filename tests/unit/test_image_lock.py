"""The per-image lock serialises builds of one image name on one machine."""

from __future__ import annotations

import threading
import time

from warmbuild.build import image_lock


def test_second_holder_waits_for_the_first():
    events: list[str] = []
    first_in = threading.Event()

    def first() -> None:
        with image_lock("reg/app/deps:abc"):
            first_in.set()
            time.sleep(0.3)
            events.append("first done")

    def second() -> None:
        first_in.wait()
        with image_lock("reg/app/deps:abc"):
            events.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert events == ["first done", "second in"]


def test_other_images_do_not_wait():
    with image_lock("reg/app/deps:abc"):
        started = time.monotonic()
        with image_lock("reg/app/deps:other"):
            assert time.monotonic() - started < 1
