"""The benchmark (`invoke bench`; not part of the warmbuild package).

It runs on the test suite's infrastructure, which lives under tests/: extra engines
(support_machines), the lock variants, free ports, the package index and the purge
of what it pushed (support, support_leftovers). Those modules are imported here
under the names the tests use, so each exists once.
"""

import sys
from pathlib import Path

_TESTS = str(Path(__file__).resolve().parent.parent / "tests")
if _TESTS not in sys.path:
    sys.path.append(_TESTS)
