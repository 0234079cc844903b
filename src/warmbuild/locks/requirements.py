"""requirements.txt as pip-compile and `uv pip compile` write it: pinned lines, with or
without --hash, `# via` comments (the edges), markers, direct references (git, URL,
path) and index options. A sibling requirements-dev.txt is the dev group. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import InvalidRequirement
from packaging.requirements import Requirement as Pep508

from ..errors import LockError
from .model import DEV, MAIN, Artifact, Lock, LockedPackage, Requirement, Source, SourceKind, canonical

DEV_FILES = ("requirements-dev.txt", "dev-requirements.txt")
# Options that say where packages come from: kept, in order, for the installer.
INDEX_OPTIONS = ("--index-url", "-i", "--extra-index-url", "--find-links", "-f", "--trusted-host")
FIX_PINNED = "generate it with `uv pip compile` or `pip-compile` (pinned, ideally with --generate-hashes)"


@dataclass
class Entry:
    name: str
    version: str
    marker: str = ""
    hashes: tuple[str, ...] = ()
    source: Source = field(default_factory=Source)
    parents: set[str] = field(default_factory=set)


def _logical_lines(text: str) -> list[str]:
    """Join backslash continuations, keep comment lines separate."""
    lines, current = [], ""
    for line in text.splitlines():
        if current:
            current += " " + line.strip()
        elif line.lstrip().startswith("#"):
            lines.append(line)
            continue
        else:
            current = line
        if current.endswith("\\"):
            current = current[:-1].rstrip()
            continue
        lines.append(current)
        current = ""
    if current:
        lines.append(current)
    return lines


def _git_source(url: str) -> Source:
    """git+https://host/repo.git@<commit>#subdirectory=pkg (the pip spelling)."""
    url, _, fragment = url.removeprefix("git+").partition("#")
    subdirectory = next((p.split("=", 1)[1] for p in fragment.split("&") if p.startswith("subdirectory=")), "")
    base, at, commit = url.rpartition("@")
    # A commit, not a branch or tag: the lock must say exactly what is built.
    if not at or not re.fullmatch(r"[0-9a-f]{7,40}", commit):
        raise LockError(f"git requirement {url!r} is not pinned to a commit", "pin it: git+URL@<commit>")
    return Source(SourceKind.GIT, url=base, commit=commit, path=subdirectory)


def _direct(requirement: Pep508, source_name: str) -> Source:
    url = requirement.url or ""
    if url.startswith("git+"):
        return _git_source(url)
    if url.startswith("file:"):
        return Source(SourceKind.PATH, path=url.removeprefix("file://").removeprefix("file:"))
    if url:
        return Source(SourceKind.URL, url=url)
    raise LockError(f"{source_name}: {str(requirement)!r} is not pinned (name==version)", FIX_PINNED)


def _editable(line: str, source_name: str) -> Entry:
    """`-e ./libs/shared` or `-e git+https://…@sha#egg=name`."""
    target = line.split(None, 1)[1].strip() if line.startswith(("-e", "--editable")) else line.strip()
    if target.startswith("git+"):
        egg = re.search(r"[#&]egg=([A-Za-z0-9._-]+)", target)
        if not egg:
            raise LockError(f"{source_name}: {target!r} names no package (#egg=name)", "write `name @ git+URL@commit`")
        return Entry(canonical(egg[1]), "", source=_git_source(re.sub(r"[#&]egg=[^&]*", "", target)))
    path = target.removeprefix("file://").removeprefix("file:")
    return Entry(canonical(Path(path.rstrip("/")).name), "", source=Source(SourceKind.PATH, path=path))


def _entry(line: str, source_name: str) -> Entry:
    hashes = tuple(sorted(re.findall(r"--hash[= ](\S+)", line)))
    text = re.sub(r"\s*--hash[= ]\S+", "", line).strip()
    if text.startswith(("-e ", "--editable", ".", "/")) or (text.startswith("file:") and "@" not in text):
        return _editable(text, source_name)
    try:
        requirement = Pep508(text)
    except InvalidRequirement:
        raise LockError(f"{source_name}: {text!r} is not a pinned requirement (name==version)", FIX_PINNED) from None
    marker = str(requirement.marker or "")
    pinned = [s for s in requirement.specifier if s.operator in ("==", "===") and "*" not in s.version]
    if requirement.url:
        # A direct reference names no version: the file says what is built, not which.
        return Entry(canonical(requirement.name), "", marker, hashes, _direct(requirement, source_name))
    if len(pinned) != 1:
        raise LockError(f"{source_name}: {text!r} is not pinned (name==version)", FIX_PINNED)
    return Entry(canonical(requirement.name), pinned[0].version, marker, hashes)


def parse(text: str, source_name: str) -> tuple[list[Entry], list[str]]:
    """(entries, index options) of one file. `# via` comments, one line or a list
    below `# via`, give each entry's parents."""
    entries: list[Entry] = []
    options: list[str] = []
    in_via = False
    for logical in _logical_lines(text):
        stripped = logical.strip()
        if stripped.startswith("#"):
            comment = stripped.lstrip("#").strip()
            if entries and comment.startswith("via"):
                in_via = True
                comment = comment.removeprefix("via").strip()
            if entries and in_via and comment and not comment.startswith("-r"):
                entries[-1].parents |= {canonical(p) for p in re.split(r"[,\s]+", comment) if p and p != "("}
            continue
        in_via = False
        stripped = stripped.split(" #", 1)[0].strip()
        if not stripped:
            continue
        if stripped.startswith(INDEX_OPTIONS):
            options.append(stripped)
            continue
        if stripped.startswith(("-r ", "--requirement", "-c ", "--constraint")):
            raise LockError(
                f"{source_name}: includes another file ({stripped})", "compile one self-contained file per group"
            )
        if stripped.startswith("-") and not stripped.startswith(("-e ", "--editable")):
            continue  # an option for the whole file (--no-binary, …): the installer's defaults serve
        entries.append(_entry(stripped, source_name))
    return entries, options


def _packages(entries: list[Entry]) -> tuple[LockedPackage, ...]:
    children: dict[str, list[Entry]] = {}
    for entry in entries:
        for parent in entry.parents:
            children.setdefault(parent, []).append(entry)
    return tuple(
        LockedPackage(
            name=entry.name,
            version=entry.version,
            files=tuple(Artifact("", h) for h in entry.hashes),
            source=entry.source,
            # An edge carries its child's own marker: colorama needed by click only on win32.
            dependencies=tuple(Requirement(c.name, marker=c.marker) for c in children.get(entry.name, [])),
        )
        for entry in entries
    )


def _merge(main: list[Entry], dev: list[Entry], dev_name: str) -> list[Entry]:
    by_name = {e.name: e for e in main}
    merged = list(main)
    for entry in dev:
        if entry.name not in by_name:
            merged.append(entry)
        elif by_name[entry.name].version != entry.version:
            raise LockError(
                f"{dev_name} pins {entry.name}=={entry.version}, requirements.txt {by_name[entry.name].version}",
                "compile the dev file with `-c requirements.txt`",
            )
    return merged


def read(app_dir: Path, lock_file: str = "requirements.txt") -> Lock:
    path = app_dir / lock_file
    main, options = parse(path.read_text(), str(path))
    roots = {MAIN: tuple(Requirement(e.name, marker=e.marker) for e in main)}
    files = [lock_file]
    entries = main
    dev_file = next((name for name in DEV_FILES if (path.parent / name).is_file()), None)
    if dev_file:
        dev, _ = parse((path.parent / dev_file).read_text(), str(path.parent / dev_file))
        roots[DEV] = tuple(Requirement(e.name, marker=e.marker) for e in dev)
        entries = _merge(main, dev, dev_file)
        files.append(str(Path(lock_file).parent / dev_file))
    index_entries = [e for e in entries if e.source.kind is SourceKind.INDEX]
    hashed = [e.name for e in index_entries if e.hashes]
    if hashed and len(hashed) != len(index_entries):
        missing = next(e.name for e in index_entries if not e.hashes)
        raise LockError(
            f"{path}: {missing} has no --hash while other entries have one", "regenerate it with --generate-hashes"
        )
    return Lock(
        kind="requirements",
        files=tuple(files),
        packages=_packages(entries),
        roots=tuple(roots.items()),
        development_groups=(DEV,) if dev_file else (),
        hashed=bool(hashed) or not index_entries,
        index_options=tuple(options),
    )
