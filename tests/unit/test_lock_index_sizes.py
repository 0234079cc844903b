"""Heavy-package sizes by name and version, from each package's own index: PEP 691
JSON pages (PEP 700 sizes), PEP 503 pages with a HEAD of the file, indexes other than
the default one, and the ones that do not answer. The indexes are loopback servers
(a thread of http.server): unit tests reach nothing else."""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from support import DATA

from warmbuild import detect, index_http, locks
from warmbuild.errors import LockError
from warmbuild.locks import Artifact, LockedPackage, Source, SourceKind, TargetEnvironment
from warmbuild.locks import requirements as requirements_lock

LINUX_312 = TargetEnvironment((3, 12, 0))
JSON = "application/vnd.pypi.simple.v1+json"
REAL = DATA / "real-locks" / "pipcompile-openedx-credentials" / "requirements.txt"


class Server(ThreadingHTTPServer):
    # A backlog for WORKERS connections at once (the default 5 drops some, and the
    # kernel retries them a second later).
    request_queue_size = 64
    daemon_threads = True


class Index:
    """A package index on 127.0.0.1: ``pages`` maps a path to (content type, body)
    and ``files`` a file's path to its size; every request is counted."""

    def __init__(self, delay: float = 0.0) -> None:
        self.pages: dict[str, tuple[str, bytes]] = {}
        self.files: dict[str, int] = {}
        self.redirects: dict[str, str] = {}
        self.requests: Counter[tuple[str, str]] = Counter()
        self.delay = delay
        index = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self._answer(body=True)

            def do_HEAD(self) -> None:
                self._answer(body=False)

            def _answer(self, body: bool) -> None:
                index.requests[(self.command, self.path)] += 1
                time.sleep(index.delay)
                if self.path in index.redirects:
                    self.send_response(302)
                    self.send_header("Location", index.redirects[self.path])
                    self.end_headers()
                elif self.path in index.pages:
                    kind, content = index.pages[self.path]
                    self._send(kind, content, len(content), body)
                elif self.path in index.files:
                    self._send("application/octet-stream", b"", index.files[self.path], False)
                else:
                    self.send_error(404)

            def _send(self, kind: str, content: bytes, length: int, body: bool) -> None:
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(length))
                self.end_headers()
                if body:
                    self.wfile.write(content)

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def json_page(self, name: str, files: dict[str, int | None]) -> None:
        """PEP 691 JSON, with PEP 700 sizes where given."""
        entries = [
            {"filename": f, "url": f"/files/{f}", "hashes": {"sha256": f"{i:064x}"}, **({"size": s} if s else {})}
            for i, (f, s) in enumerate(files.items())
        ]
        page = {"meta": {"api-version": "1.1"}, "name": name, "files": entries}
        self.pages[f"/simple/{name}/"] = (JSON, json.dumps(page).encode())

    def html_page(self, name: str, files: dict[str, int]) -> None:
        """PEP 503 only (no sizes): the file's own URL gives its Content-Length."""
        anchors = "".join(f'<a href="../../files/{f}#sha256={i:064x}">{f}</a><br/>' for i, f in enumerate(files))
        self.pages[f"/simple/{name}/"] = ("text/html", f"<html><body>{anchors}</body></html>".encode())
        self.files.update({f"/files/{f}": size for f, size in files.items()})

    def asked(self, method: str = "GET") -> int:
        return sum(count for (m, _), count in self.requests.items() if m == method)


@contextmanager
def serving(*indexes: Index) -> Iterator[None]:
    threads = [threading.Thread(target=i.server.serve_forever, args=(0.05,), daemon=True) for i in indexes]
    for thread in threads:
        thread.start()
    try:
        yield
    finally:
        for index in indexes:
            index.server.shutdown()
            index.server.server_close()


@pytest.fixture
def default_index(monkeypatch: pytest.MonkeyPatch) -> Iterator[Index]:
    """The installers' default index, as index_http finds it (PIP_INDEX_URL)."""
    index = Index()
    monkeypatch.setenv("PIP_INDEX_URL", f"{index.url}/simple")
    with serving(index):
        yield index


def pinned(name: str, version: str, *files: Artifact, index: str = "") -> LockedPackage:
    return LockedPackage(name, version, files, Source(SourceKind.INDEX, url=index))


TORCH_LINUX = "torch-2.2.0-cp312-cp312-manylinux1_x86_64.whl"
TORCH_CPU = "torch-2.2.0+cpu-cp312-cp312-linux_x86_64.whl"


def test_a_requirements_entry_is_sized_by_name_and_version(default_index: Index) -> None:
    default_index.json_page(
        "torch",
        {
            "torch-2.1.0-cp312-cp312-manylinux1_x86_64.whl": 700_000_000,
            TORCH_LINUX: 755_000_000,
            "torch-2.2.0-cp312-none-macosx_11_0_arm64.whl": 60_000_000,
            "torch-2.2.0.tar.gz": None,
        },
    )
    found = index_http.sizes_of([pinned("torch", "2.2.0")], LINUX_312)
    assert sorted(f.filename for f in found[("torch", "2.2.0")].files) == [
        "torch-2.2.0-cp312-cp312-manylinux1_x86_64.whl",
        "torch-2.2.0-cp312-none-macosx_11_0_arm64.whl",
        "torch-2.2.0.tar.gz",
    ]
    assert detect.wheel_size(pinned("torch", "2.2.0"), LINUX_312, found) == 755_000_000
    assert default_index.requests == {("GET", "/simple/torch/"): 1}


def test_hash_pinned_files_narrow_the_choice(default_index: Index) -> None:
    """A hashed requirements file allows only its files: the size is that of the one
    it installs."""
    default_index.json_page("numpy", {"numpy-2.0.0-cp312-cp312-manylinux_2_28_x86_64.whl": 30, "numpy-2.0.0.tar.gz": 5})
    package = pinned("numpy", "2.0.0", Artifact("", f"sha256:{1:064x}"))
    found = index_http.sizes_of([package], LINUX_312)
    assert [f.filename for f in found[("numpy", "2.0.0")].files] == ["numpy-2.0.0.tar.gz"]
    assert detect.detect_heavy((package,), LINUX_312, found).reason.endswith("built from source: numpy 2.0.0")


def test_another_index_is_asked_for_its_packages_and_a_head_gives_the_size(default_index: Index) -> None:
    """A lock's explicit source (torch +cpu from a CPU-only index): asked there, never
    on the default index; its PEP 503 page has no sizes, a HEAD of the file does."""
    cpu = Index()
    cpu.html_page("torch", {TORCH_CPU: 180_000_000, "torch-2.2.0+cpu-cp311-cp311-linux_x86_64.whl": 1})
    cpu.redirects["/files/moved.whl"] = f"{cpu.url}/files/{TORCH_CPU}"
    with serving(cpu):
        package = pinned("torch", "2.2.0+cpu", index=f"{cpu.url}/simple")
        found = index_http.sizes_of([package], LINUX_312)
    assert detect.wheel_size(package, LINUX_312, found) == 180_000_000
    assert cpu.requests == {("GET", "/simple/torch/"): 1, ("HEAD", f"/files/{TORCH_CPU}"): 1}
    assert not default_index.requests


def test_a_redirected_head_stays_a_head() -> None:
    files = Index()
    files.files["/files/x.whl"] = 123
    files.redirects["/moved/x.whl"] = "/files/x.whl"
    with serving(files):
        assert index_http.content_length(f"{files.url}/moved/x.whl") == 123
    assert set(files.requests) == {("HEAD", "/moved/x.whl"), ("HEAD", "/files/x.whl")}


def test_extra_index_urls_are_asked_only_where_the_default_lacks_the_version(default_index: Index) -> None:
    """pip's --extra-index-url of a requirements file: torch 2.2.0+cpu is not on the
    default index, so the extra one is asked; six is found at once."""
    default_index.json_page("torch", {TORCH_LINUX: 755_000_000})
    default_index.json_page("six", {"six-1.16.0-py2.py3-none-any.whl": 11_000})
    cpu = Index()
    cpu.json_page("torch", {TORCH_CPU: 180_000_000})
    with serving(cpu):
        packages = [pinned("torch", "2.2.0+cpu"), pinned("six", "1.16.0")]
        found = index_http.sizes_of(packages, LINUX_312, (f"--extra-index-url {cpu.url}/simple",))
    assert detect.wheel_size(packages[0], LINUX_312, found) == 180_000_000
    assert detect.wheel_size(packages[1], LINUX_312, found) == 11_000
    assert default_index.asked() == 2 and cpu.requests == {("GET", "/simple/torch/"): 1}


def test_unknown_sizes_are_named_with_why(default_index: Index) -> None:
    """An index that does not answer, a project it does not have, a version it does
    not have: each named in init's reason, none guessed."""
    closed = Index()
    closed_url = closed.url
    closed.server.server_close()  # nothing listens there any more
    default_index.json_page("flask", {"flask-3.0.0-py3-none-any.whl": 100_000})
    packages = [
        pinned("torch", "2.2.0+cpu", index=f"{closed_url}/simple"),
        pinned("nothere", "1.0"),
        pinned("flask", "9.9"),
        pinned("flask", "3.0.0"),
    ]
    found = index_http.sizes_of(packages, LINUX_312)
    finding = detect.detect_heavy(tuple(packages), LINUX_312, found)
    assert not finding.sure and finding.value == []
    assert finding.reason.endswith(
        "sizes unknown for: flask 9.9 (no 9.9 on 127.0.0.1), nothere 1.0 (not on 127.0.0.1), "
        "torch 2.2.0+cpu (index unreachable: 127.0.0.1)"
    )


@pytest.mark.parametrize(
    "options, expected",
    [
        pytest.param((), ["https://default.example/simple"], id="default"),
        pytest.param(("-i https://mirror.example/simple/",), ["https://mirror.example/simple"], id="index-url"),
        pytest.param(
            ("--extra-index-url=https://cpu.example/whl", "--index-url https://mirror.example/simple"),
            ["https://mirror.example/simple", "https://cpu.example/whl"],
            id="index-and-extra",
        ),
        pytest.param(
            ("--extra-index-url https://cpu.example/whl?key=a=b",),
            ["https://default.example/simple", "https://cpu.example/whl?key=a=b"],
            id="an-equals-sign-in-the-url",
        ),
    ],
)
def test_where_a_requirements_entry_is_looked_up(options: tuple[str, ...], expected: list[str]) -> None:
    assert index_http.indexes_for(pinned("x", "1"), "https://default.example/simple", options) == expected


def test_what_needs_no_look_up() -> None:
    sized = pinned("numpy", "2.0", Artifact("numpy-2.0-cp312-cp312-manylinux_2_17_x86_64.whl", size=16))
    sdist = pinned("insightface", "0.7.3", Artifact("insightface-0.7.3.tar.gz"))
    git = LockedPackage("tool", "", (), Source(SourceKind.GIT, url="https://git.example/tool"))
    unsized = pinned("scipy", "1.14", Artifact("scipy-1.14-cp312-cp312-manylinux_2_17_x86_64.whl"))
    assert [index_http.needs_lookup(p, LINUX_312) for p in (sized, sdist, git, unsized, pinned("a", "1"))] == [
        False,
        False,
        False,
        True,
        True,
    ]


# --- a real requirements file, ~200 packages, against a loopback index ---------------------------------


def real_requirements() -> list[LockedPackage]:
    """openedx/credentials' requirements/all.txt (ORIGIN.md); its two git entries are
    pinned to tags, which warmbuild refuses (they are not packages of an index)."""
    text = "\n".join(line for line in REAL.read_text().splitlines() if "@ git+" not in line)
    entries, _ = requirements_lock.parse(text, str(REAL))
    return [pinned(e.name, e.version) for e in entries]


def fake_pages(index: Index, packages: list[LockedPackage]) -> None:
    """Each project's page: its locked version (a wheel for Linux, one for Windows, an
    sdist) among two other versions, as a real index lists them."""
    for number, package in enumerate(packages):
        name = package.name.replace("-", "_")
        files: dict[str, int | None] = {}
        for version in ("0.0.1", package.version, "99.0"):
            files[f"{name}-{version}-cp312-cp312-manylinux_2_17_x86_64.whl"] = 1_000 * (number + 1) ** 2
            files[f"{name}-{version}-cp312-cp312-win_amd64.whl"] = 7
            files[f"{name}-{version}.tar.gz"] = 5
        index.json_page(package.name, files)


@pytest.mark.parametrize("delay", [0.0, 0.02], ids=["loopback", "20ms-a-request"])
def test_a_real_requirements_file_is_sized_in_one_look_up_a_project(
    monkeypatch: pytest.MonkeyPatch, delay: float, capsys: pytest.CaptureFixture[str]
) -> None:
    packages = real_requirements()
    assert len(packages) == 193
    index = Index(delay)
    fake_pages(index, packages)
    monkeypatch.setenv("PIP_INDEX_URL", f"{index.url}/simple")
    with serving(index):
        started = time.perf_counter()
        found = index_http.sizes_of(packages, LINUX_312)
        seconds = time.perf_counter() - started
    finding = detect.detect_heavy(tuple(packages), LINUX_312, found)
    assert finding.sure, finding.reason
    assert isinstance(finding.value, list)
    assert len(finding.value) == sum(1_000 * (n + 1) ** 2 >= detect.HEAVY_BYTES for n in range(len(packages)))
    assert index.asked("GET") == len({p.name for p in packages}) and index.asked("HEAD") == 0
    # 193 look-ups, WORKERS at once: one after another at 20 ms each would take 3.9 s.
    assert seconds < 2.5
    with capsys.disabled():
        print(f"\n    sizes of {len(packages)} packages: {index.asked('GET')} look-ups in {seconds:.2f} s ({delay=})")


def test_the_real_file_keeps_its_git_entries_refused() -> None:
    """What the look-up test leaves out: pip-compile wrote two git requirements pinned
    to tags; warmbuild asks for a commit (a tag can move under a cached build)."""
    with pytest.raises(LockError, match=re.escape("is not pinned to a commit")):
        requirements_lock.parse(REAL.read_text(), str(REAL))


def test_sizes_of_reads_nothing_when_nothing_needs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple")  # would fail if asked
    sized = pinned("numpy", "2.0", Artifact("numpy-2.0-cp312-cp312-manylinux_2_17_x86_64.whl", size=16))
    assert index_http.sizes_of([sized], LINUX_312) == {}


def test_a_real_lock_asks_the_explicit_source_for_its_package(default_index: Index) -> None:
    """immich's Poetry 1.x lock (ORIGIN.md): onnxruntime-gpu comes from its explicit
    `cuda12` source, everything else from the default index. The lock names files
    but no sizes: each package's pinned files are sized from its own index."""
    lock = locks.read_lock(DATA / "real-locks" / "poetry1-immich-ml")
    cuda = Index()
    env = TargetEnvironment((3, 11, 0))
    prod = [
        replace(p, source=replace(p.source, url=f"{cuda.url}/simple")) if p.source.url else p
        for p in locks.install_set(lock, ["main", "cuda"], env)
    ]
    gpu = next(p for p in prod if p.name == "onnxruntime-gpu")
    cuda.json_page(gpu.name, {f.filename: 250_000_000 for f in gpu.files})
    for package in prod:
        if package is not gpu:
            default_index.json_page(package.name, {f.filename: 1_000 for f in package.files})
    with serving(cuda):
        found = index_http.sizes_of(prod, env)
    finding = detect.detect_heavy(tuple(prod), env, found)
    assert finding.value == ["onnxruntime-gpu"] and finding.sure, finding.reason
    assert finding.reason.endswith("built from source: easydict 1.11, insightface 0.7.3")
    assert cuda.requests == {("GET", "/simple/onnxruntime-gpu/"): 1}
    assert ("GET", "/simple/onnxruntime-gpu/") not in default_index.requests
