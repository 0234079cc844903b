"""The package indexes' file sizes, for `warmbuild init` to tell heavy packages from
light ones when the lock does not record sizes: a locked package is looked up by its
name and version on its own index (an explicit source of the lock, or the default
index, then the requirements file's --extra-index-url ones), as PEP 691 JSON with
PEP 700 sizes, or a PEP 503 page plus a HEAD of the file for its Content-Length.

The default index is the one the user's installers use, found at run time:
PIP_INDEX_URL, UV_DEFAULT_INDEX / UV_INDEX_URL, pip's configuration, else pip's
default. ``sizes_of`` asks in parallel, a bounded number at once."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

from packaging.utils import InvalidSdistFilename, InvalidWheelFilename, parse_sdist_filename, parse_wheel_filename
from packaging.version import InvalidVersion, Version

from .locks import Artifact, IndexFiles, LockedPackage, SourceKind, TargetEnvironment, canonical

ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1"
TIMEOUT_SECONDS = 20
# Requests in flight at once: enough to hide the latency of ~200 look-ups, few
# enough for an index (or a proxy) not to throttle.
WORKERS = 16
UNREACHABLE = "index unreachable"


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


# --- one index page -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A project's page on one index: its files, or why there is none."""

    files: tuple[Artifact, ...] = ()
    problem: str = ""


class _Anchors(HTMLParser):
    """PEP 503: one <a href="…#sha256=…">filename</a> per file."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href") or ""

    def handle_data(self, data: str) -> None:
        if self._href is not None and data.strip():
            self.found.append((self._href, data.strip()))
            self._href = None


def _hash(url: str, hashes: dict[str, str] | None = None) -> str:
    if hashes and "sha256" in hashes:
        return f"sha256:{hashes['sha256']}"
    fragment = urlsplit(url).fragment
    return fragment.replace("=", ":", 1) if fragment.startswith("sha256=") else ""


def _without_fragment(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(fragment=""))


def parse_page(body: bytes, content_type: str, page_url: str) -> tuple[Artifact, ...]:
    """The files of a PEP 691 JSON or PEP 503 HTML page (sizes only from JSON)."""
    if "json" in content_type:
        page = json.loads(body)
        return tuple(
            Artifact(
                str(f["filename"]),
                _hash(str(f.get("url", "")), f.get("hashes")),
                f["size"] if isinstance(f.get("size"), int) else None,
                _without_fragment(urljoin(page_url, str(f.get("url", "")))),
            )
            for f in page.get("files", [])
            if f.get("filename")
        )
    parser = _Anchors()
    parser.feed(body.decode("utf-8", errors="replace"))
    return tuple(
        Artifact(name, _hash(href), None, _without_fragment(urljoin(page_url, href))) for href, name in parser.found
    )


def project_page(base: str, name: str) -> Page:
    url = f"{base.rstrip('/')}/{canonical(name)}/"
    request = urllib.request.Request(url, headers={"Accept": ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return Page(parse_page(response.read(), response.headers.get("Content-Type", ""), response.geturl()))
    except urllib.error.HTTPError as error:
        return Page(problem=f"not on {_host(base)}" if error.code == 404 else f"{_host(base)} answered {error.code}")
    except (OSError, ValueError):
        return Page(problem=f"{UNREACHABLE}: {_host(base)}")


class _KeepHead(urllib.request.HTTPRedirectHandler):
    """A HEAD that is redirected stays a HEAD (urllib would GET the whole file)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.method = req.get_method()
        return new


_HEAD_OPENER = urllib.request.build_opener(_KeepHead())


def content_length(url: str) -> int | None:
    """The file's size from a HEAD request (an index without PEP 700 sizes)."""
    try:
        with _HEAD_OPENER.open(urllib.request.Request(url, method="HEAD"), timeout=TIMEOUT_SECONDS) as response:
            length = response.headers.get("Content-Length")
    except (OSError, ValueError):
        return None
    return int(length) if length and length.isdigit() else None


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


# --- the files of one locked version ----------------------------------------------------------------


def _version_of(filename: str) -> Version | None:
    try:
        if filename.endswith(".whl"):
            return parse_wheel_filename(filename)[1]
        return parse_sdist_filename(filename)[1]
    except (InvalidWheelFilename, InvalidSdistFilename, InvalidVersion):
        return None


def files_of_version(files: Iterable[Artifact], package: LockedPackage) -> tuple[Artifact, ...]:
    """Of a project's files, those of the locked version (and, when the lock pins
    hashes, only the pinned files: what the installer may use)."""
    try:
        version = Version(package.version)
    except InvalidVersion:
        return ()
    found = tuple(f for f in files if _version_of(f.filename) == version)
    pinned = set(package.hashes)
    if pinned and any(f.hash in pinned for f in found):
        found = tuple(f for f in found if f.hash in pinned)
    return found


def indexes_for(package: LockedPackage, default: str | None, index_options: Sequence[str]) -> list[str]:
    """Where an installer looks for the package, in order: the lock's own index for
    it, else the default index (a requirements file's --index-url replaces it),
    then the --extra-index-url ones."""
    if package.source.url:
        return [package.source.url.rstrip("/")]
    primary, extra = default, []
    for option in index_options:
        match = re.match(r"(-[-\w]+)[\s=]+(\S+)", option.strip())
        if not match:
            continue
        flag, value = match[1], match[2].rstrip("/")
        if flag in ("--index-url", "-i") and value:
            primary = value
        elif flag == "--extra-index-url" and value:
            extra.append(value)
    return [url for url in dict.fromkeys([primary, *extra]) if url]


def needs_lookup(package: LockedPackage, env: TargetEnvironment) -> bool:
    """Sized from an index: an index package whose lock records no size for the file
    it would install here and which is not known to build from source."""
    if package.source.kind is not SourceKind.INDEX:
        return False
    named = [f for f in package.files if f.filename]
    if not named:
        return True  # a requirements file: no file names, no sizes
    best = env.best_wheel(f.filename for f in named)
    if best is None:
        return False  # sdist only (built from source) or nothing for this platform: the lock says so
    return next(f.size for f in named if f.filename == best) is None


def _answer(package: LockedPackage, pages: list[tuple[str, Page]]) -> IndexFiles:
    """The first index's files of the locked version; else why none had them (an
    unreachable index first: it may well have had them)."""
    problems = []
    for base, page in pages:
        files = files_of_version(page.files, package)
        if files:
            return IndexFiles(files)
        problems.append(page.problem or f"no {package.version} on {_host(base)}")
    problems.sort(key=lambda problem: not problem.startswith(UNREACHABLE))
    return IndexFiles(problem=problems[0] if problems else "no index to ask")


def _sized_by_head(answer: IndexFiles, package: LockedPackage, env: TargetEnvironment) -> IndexFiles:
    """The installed wheel's size, where the page gave none: a HEAD of its URL (the
    index's, else the one the lock records)."""
    best = env.best_wheel(f.filename for f in answer.files)
    chosen = next((f for f in answer.files if f.filename == best), None)
    if chosen is None or chosen.size is not None:
        return answer
    urls = [chosen.url, *(f.url for f in package.files if f.filename == best)]
    size = next((s for url in urls if url and (s := content_length(url)) is not None), None)
    if size is None:
        return IndexFiles(answer.files, "the index gives no size")
    files = tuple(Artifact(f.filename, f.hash, size, f.url) if f is chosen else f for f in answer.files)
    return IndexFiles(files)


def sizes_of(
    packages: Iterable[LockedPackage], env: TargetEnvironment, index_options: Sequence[str] = ()
) -> dict[tuple[str, str], IndexFiles]:
    """{(name, version): what its index says} for every package whose size the lock
    does not give, asked at once: one page per project and index (the next index
    only where the first lacks the version), then a HEAD where a page has no sizes."""
    wanted = [p for p in packages if needs_lookup(p, env)]
    if not wanted:
        return {}
    default = index_url()
    order = {p.key: indexes_for(p, default, index_options) for p in wanted}
    pages: dict[tuple[str, str], Page] = {}
    answers: dict[tuple[str, str], IndexFiles] = {}
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for depth in range(max((len(o) for o in order.values()), default=0)):
            todo = [p for p in wanted if (p.name, p.version) not in answers and depth < len(order[p.key])]
            asked = sorted({(order[p.key][depth], p.name) for p in todo} - set(pages))
            pages.update(zip(asked, pool.map(lambda key: project_page(*key), asked), strict=True))
            for package in todo:
                tried = order[package.key][: depth + 1]
                answer = _answer(package, [(base, pages[(base, package.name)]) for base in tried])
                if answer.files or depth == len(order[package.key]) - 1:
                    answers[(package.name, package.version)] = answer
        keys = list(answers)
        by_key = {(p.name, p.version): p for p in wanted}
        sized = pool.map(lambda key: _sized_by_head(answers[key], by_key[key], env), keys)
        return dict(zip(keys, sized, strict=True))
