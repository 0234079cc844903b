#!/bin/sh
# Install one locked set of Python packages into $VIRTUAL_ENV, inside a BuildKit RUN.
#
#   install-python-deps heavy-N|main|dev   the set's pinned packages, then the ones
#                                          built from source (wheel-build stage)
#   install-python-deps light|dev-light    main's or dev's (their own stages), unless
#                                          INSTALLER=poetry
#   install-python-deps poetry-main|poetry-dev   main's or dev's with INSTALLER=poetry
#                                          (in prod or dev, on top of deps); else nothing
#   install-python-deps paths|paths-editable   the app's path dependencies
#   install-python-deps build-wheels       (wheel-build stage) sdists and git
#                                          packages into wheels, in /wheels
#   install-python-deps remove-package-managers     (prod: nothing can install at run time)
#   install-python-deps check              every requirement of every installed package
#                                          is installed (after a target's last install)
#   install-python-deps os-packages        APT_PACKAGES and the Debian packages the wheels
#                                          built here need at run time
#   install-python-deps libraries          every library the venv's extension modules link
#                                          is in the image (after a target's last install)
#   install-python-deps project            the project itself (install_project): metadata,
#                                          entry points and scripts, its code where it is
#
# Reads /run/warmbuild/locks, the step's own folder of what warmbuild exported from
# the lock: packages.txt (pinned; with hashes when the file `require-hashes` is
# there) and built.txt (name==version of packages built from source, found in
# /run/warmbuild/wheels); build.txt (wheel-build: one requirement a line); paths.txt
# (in /run/warmbuild/paths: path dependencies, folders of /opt/pathdeps); for INSTALLER=poetry,
# pyproject.toml + poetry.lock + poetry-groups.txt.
# The installer tools (uv, Poetry) are installed into a cache mount on first use,
# never into the image. Optional BuildKit secrets: ca (a CA bundle), index_url (an
# index URL that may carry credentials), netrc (mounted at /root/.netrc).
set -eu

set_name="$1"
# (WARMBUILD_LOCKS: the unit tests run the check outside a build.)
locks="${WARMBUILD_LOCKS:-/run/warmbuild/locks}"
wheels=/run/warmbuild/wheels
# One folder of tools per CPU: stages of an arm64 image run on this builder's CPU
# and under the emulator, and share the cache.
tools="/root/.cache/warmbuild-tools/$(uname -m)"
wheelhouse=/root/.cache/warmbuild-wheelhouse

# Credentials and CAs come only from secret mounts, and only for this process.
if [ -s /run/secrets/ca ]; then
  export PIP_CERT=/run/secrets/ca SSL_CERT_FILE=/run/secrets/ca REQUESTS_CA_BUNDLE=/run/secrets/ca
fi
if [ -s /run/secrets/index_url ]; then
  index_url="$(cat /run/secrets/index_url)"
  export PIP_INDEX_URL="$index_url" UV_DEFAULT_INDEX="$index_url"
fi
hashes=""
if [ -f "$locks/require-hashes" ]; then hashes=--require-hashes; fi

# --- OS packages from the artifacts ------------------------------------------------------
# Build time: a compile that fails for a missing header or tool names the Debian package
# that has it, from Debian's own file index (apt-file) of the build image's release.
# Run time: the shared libraries the compiled wheels link are mapped to the Debian
# packages that provide them (runtime-packages.txt beside the wheels) and installed where
# those wheels are (os-packages); after a target's last install, every extension
# module's libraries must resolve in the image (libraries).
#
#   install-python-deps os-packages   APT_PACKAGES + the runtime packages of the wheels
#                                     mounted at /run/warmbuild/wheels (no-op when none)
#   install-python-deps libraries     the venv's extension modules find their libraries

# artifacts PYTHON MODE ARGS...: the ELF reader. Python's own few lines instead of
# readelf or ldd: the slim images have neither binutils nor a loader that would
# report a library missing without loading it; one reader serves both stages.
artifacts() {
  interpreter="$1"
  shift
  # No .pyc of what it imports may land in a layer (prod runs it after its last install).
  PYTHONDONTWRITEBYTECODE=1 "$interpreter" - "$@" <<'PYTHON'
import glob
import io
import os
import posixpath
import re
import struct
import subprocess
import sys
import zipfile

# Libraries the GPU driver brings at run time (the container toolkit mounts them):
# never a Debian package of the image.
DRIVER = re.compile(r"^lib(cuda|nvidia-[\w-]+|nvcuvid|nvoptix)\.so(\.\d+)*$")
# What `import` loads (and, through their NEEDED entries, the libraries they link).
# lib*.so files are loaded on demand (plugins, ctypes) and checked only when linked.
MODULE = re.compile(r"\.(cpython-[\w-]+|abi3|pypy[\w-]*)\.so$|^(?!lib)[\w.-]+\.so$")


def dynamic(file):
    """(NEEDED, RPATH and RUNPATH entries) of an ELF object, or None when it is no
    dynamically linked ELF: the program headers, the dynamic section and the few
    strings it names are read, nothing else."""
    head = file.read(64)
    if len(head) < 64 or head[:4] != b"\x7fELF":
        return None
    wide, order = head[4] == 2, "<" if head[5] == 1 else ">"
    if wide:
        (phoff,) = struct.unpack_from(order + "Q", head, 32)
        size, count = struct.unpack_from(order + "HH", head, 54)
    else:
        (phoff,) = struct.unpack_from(order + "I", head, 28)
        size, count = struct.unpack_from(order + "HH", head, 42)
    file.seek(phoff)
    table = file.read(size * count)
    loads, section = [], None
    for index in range(count):
        if wide:
            kind, _, offset, address, _, length = struct.unpack_from(order + "IIQQQQ", table, index * size)
        else:
            kind, offset, address, _, length = struct.unpack_from(order + "IIIII", table, index * size)
        if kind == 1:  # PT_LOAD: maps addresses to file offsets
            loads.append((address, offset, length))
        elif kind == 2:  # PT_DYNAMIC
            section = (offset, length)
    if section is None:
        return None
    file.seek(section[0])
    raw = file.read(section[1])
    entry = 16 if wide else 8
    needed, paths, strings = [], [], None
    for tag, value in struct.iter_unpack(order + ("qQ" if wide else "iI"), raw[: len(raw) // entry * entry]):
        if tag == 0:
            break
        if tag == 1:  # DT_NEEDED
            needed.append(value)
        elif tag in (15, 29):  # DT_RPATH, DT_RUNPATH
            paths.append(value)
        elif tag == 5:  # DT_STRTAB
            strings = value
    start = next((o + strings - a for a, o, n in loads if strings is not None and a <= strings < a + n), None)
    if start is None:
        return None

    def text(at):
        file.seek(start + at)
        chunk = file.read(512)
        return chunk[: chunk.find(b"\0")].decode("utf-8", "replace")

    return [text(at) for at in needed], [part for at in paths for part in text(at).split(":") if part]


def library_dirs(root):
    """The folders the dynamic loader searches in the image at ``root``: ld.so.conf
    with its includes, then the default ones."""
    found, pending = [], [f"{root}/etc/ld.so.conf"]
    while pending:
        try:
            with open(pending.pop(0), encoding="utf-8", errors="replace") as conf:
                lines = conf.read().splitlines()
        except OSError:
            continue
        for line in lines:
            line = line.split("#", 1)[0].strip()
            if line.startswith("include "):
                pending += sorted(glob.glob(root + line.split(None, 1)[1]))
            elif line.startswith("/"):
                found.append(line)
    return list(dict.fromkeys(found + ["/lib", "/usr/lib", "/lib64", "/usr/lib64"]))


def names_in(root, folders):
    """{file name: its path in the image} of what the loader finds there (first wins)."""
    found = {}
    for folder in folders:
        try:
            entries = os.listdir(root + folder)
        except OSError:
            continue
        for name in entries:
            found.setdefault(name, f"{folder}/{name}")
    return found


def origin(entries, folder):
    return [re.sub(r"\$(ORIGIN|\{ORIGIN\})", folder, entry) for entry in entries]


def dist_name(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def outside(roots, read, exists):
    """{root: the sonames its tree of NEEDED entries finds nowhere inside}: what the
    image must provide. The loader's rules, as far as they matter here: an object's
    RPATH/RUNPATH ($ORIGIN), those of the objects that load it, and the sonames
    already loaded (auditwheel's bundled libraries often carry no RPATH of their own)."""
    parsed, found = {}, {}
    for root in roots:
        loaded, wanted, seen, pending = set(), set(), set(), [(root, ())]
        while pending:
            path, inherited = pending.pop()
            if path in seen:
                continue
            seen.add(path)
            if path not in parsed:
                parsed[path] = read(path)
            if parsed[path] is None:
                continue
            needed, entries = parsed[path]
            folders = origin(entries, posixpath.dirname(path)) + list(inherited)
            for name in needed:
                hit = next((h for h in (exists(posixpath.join(f, name)) for f in folders) if h), None)
                if hit:
                    loaded.add(name)
                    pending.append((hit, tuple(folders)))
                else:
                    wanted.add(name)
        found[root] = {name for name in wanted - loaded if not DRIVER.match(name)}
    return found


def wheel_needs(path):
    """The sonames the wheel's extension modules need from outside the wheel."""
    with zipfile.ZipFile(path) as wheel:
        members = set(wheel.namelist())

        def inside(member):
            member = posixpath.normpath(member)
            return member if member in members else None

        roots = [m for m in members if MODULE.search(posixpath.basename(m))]
        found = outside(roots, lambda m: dynamic(io.BytesIO(wheel.read(m))), inside)
    return set().union(*found.values())


def owners(paths):
    """{path: the Debian package that installed it} (usrmerge: /lib is /usr/lib)."""
    asked = sorted({p for path in paths for p in (path, "/usr" + path if path.startswith("/lib") else path)})
    said = subprocess.run(["dpkg-query", "-S", *asked], capture_output=True, text=True).stdout
    found = {}
    for line in said.splitlines():
        packages, _, path = line.partition(": ")
        if not line.startswith("diversion "):
            found[path] = packages.split(", ")[0].split(":")[0]
    return {path: found.get(path) or found.get("/usr" + path) for path in paths}


def runtime_packages(wheels, runtime_root, output):
    """Write ``output``: a line `package dist==version,... soname,...` for each Debian
    package whose libraries the wheels link and the runtime image (at ``runtime_root``)
    lacks, found where the wheels were built."""
    runtime = names_in(runtime_root, library_dirs(runtime_root))
    wanted = {}
    for path in sorted(glob.glob(f"{glob.escape(wheels)}/*.whl")):
        name, version = posixpath.basename(path).split("-")[:2]
        for soname in wheel_needs(path):
            if soname not in runtime:
                wanted.setdefault(soname, set()).add(f"{dist_name(name)}=={version}")
    here = names_in("", library_dirs(""))
    paths = {soname: here[soname] for soname in wanted if soname in here}
    package_of = owners(list(paths.values())) if paths else {}
    lines, unknown = {}, []
    for soname, dists in sorted(wanted.items()):
        package = package_of.get(paths.get(soname, ""))
        if package is None:
            unknown.append(f"{soname} ({', '.join(sorted(dists))})")
            continue
        line = lines.setdefault(package, (set(), set()))
        line[0].update(dists)
        line[1].add(soname)
    with open(output, "w", encoding="utf-8") as file:
        file.write("# Debian packages of the compiled wheels' libraries: package dists sonames\n")
        for package, (dists, sonames) in sorted(lines.items()):
            file.write(f"{package} {','.join(sorted(dists))} {','.join(sorted(sonames))}\n")
        for item in unknown:
            file.write(f"# in no Debian package of the build image: {item}\n")
    if lines:
        named = [f"{p} ({', '.join(sorted(d.split('==')[0] for d in ds))})" for p, (ds, _) in sorted(lines.items())]
        print(f"warmbuild: runtime libraries of compiled wheels: {', '.join(named)}")
    for item in unknown:
        print(f"warmbuild: no Debian package of the build image has {item}")


def owner_of(site, relative):
    """'name version' of the distribution whose RECORD lists ``relative``."""
    for record in glob.glob(f"{glob.escape(site)}/*.dist-info/RECORD"):
        with open(record, encoding="utf-8", errors="replace") as file:
            if any(line.split(",", 1)[0] == relative for line in file):
                name, version = posixpath.basename(posixpath.dirname(record))[: -len(".dist-info")].split("-")[:2]
                return f"{dist_name(name)} {version}"
    return ""


def read_file(path):
    try:
        with open(path, "rb") as file:
            return dynamic(file)
    except OSError:
        return None


def check_venv(venv):
    """Every library the venv's extension modules link (through what they bundle)
    resolves in this image; else one line per module and library, exit 1."""
    folders = library_dirs("") + [d for d in os.environ.get("LD_LIBRARY_PATH", "").split(":") if d]
    system = names_in("", folders)
    missing = 0
    # A venv's lib64 is a link to its lib: each folder once.
    for site in sorted({os.path.realpath(s) for s in glob.glob(f"{glob.escape(venv)}/lib*/python3*/site-packages")}):
        roots = []
        for folder, dirs, files in os.walk(site):
            dirs[:] = [d for d in dirs if not d.endswith(".libs") and d != "__pycache__"]
            roots += [f"{folder}/{f}" for f in files if MODULE.search(f)]
        found = outside(roots, read_file, lambda p: os.path.realpath(p) if os.path.exists(p) else None)
        for root, names in sorted(found.items()):
            names = sorted(names - system.keys())
            if not names:
                continue
            relative = os.path.relpath(root, site)
            owner = owner_of(site, relative)
            for name in names:
                print(f"warmbuild-libraries: missing: {name} needed by {relative}" + (f" ({owner})" if owner else ""))
            missing += len(names)
    return 1 if missing else 0


def missing_files(log):
    """'file regex' lines for what a failed compile said it lacked (headers, *-config
    tools, pkg-config modules, -l libraries), as apt-file regexes; three at most."""
    with open(log, encoding="utf-8", errors="replace") as file:
        text = file.read()
    found = {}
    for name in re.findall(r"fatal error: '?([\w./+-]+\.(?:h|hh|hpp|hxx))'?(?:: No such file or directory| file not found)", text):
        found.setdefault(name, "/" + re.escape(name) + "$")
    tools = (
        r"\b([\w.+-]+[-_]config)\b:? (?:executable )?not found|\b([\w.+-]+[-_]config) is required"
        r"|\bsh: (?:\d+: )?([\w.+-]+): (?:command )?not found"
        r"|FileNotFoundError: \[Errno 2\] No such file or directory: '([\w+-]+)'"
        r"|error: command '([\w+-]+)' failed: No such file or directory"
    )
    for groups in re.findall(tools, text):
        name = next(g for g in groups if g)
        found.setdefault(name, "^/(usr/)?s?bin/" + re.escape(name) + "$")
    modules = (
        r"Package '?([\w.+-]+?)'?,? (?:required by '[^']*', )?(?:was )?not found"
        r"|No package '([\w.+-]+)' found|([\w.+-]+)\.pc' to the PKG_CONFIG_PATH"
    )
    for groups in re.findall(modules, text):
        name = next(g for g in groups if g)
        found.setdefault(f"{name}.pc", "/pkgconfig/" + re.escape(name) + r"\.pc$")
    for name in re.findall(r"cannot find -l([\w.+-]+)", text):
        found.setdefault(f"lib{name}.so", "/lib" + re.escape(name) + r"\.so$")
    for name, regex in list(found.items())[:3]:
        print(name, regex)


def best_package(name, regex, hits):
    """Of apt-file's hits, those whose path matches ``regex``, the package a compile
    means: the file in a standard include or bin folder first, then a -dev package,
    then the shortest path."""
    ranked = []
    with open(hits, encoding="utf-8", errors="replace") as file:
        for line in file:
            package, _, path = line.strip().partition(": ")
            if not re.search(regex, path):
                continue
            standard = re.fullmatch(r"/usr/(local/)?include/([\w-]+-linux-\w+/)?" + re.escape(name), path) or path in (
                f"/usr/bin/{name}",
                f"/bin/{name}",
            )
            if path:
                ranked.append((not standard, not package.endswith("-dev"), len(path), package))
    print(min(ranked)[3] if ranked else "")


mode, arguments = sys.argv[1], sys.argv[2:]
if mode == "runtime-packages":
    runtime_packages(*arguments)
elif mode == "libraries":
    sys.exit(check_venv(*arguments))
elif mode == "missing-files":
    missing_files(*arguments)
elif mode == "best-package":
    best_package(*arguments)
PYTHON
}

# debian_index SCRATCH: apt-file and the Contents index of this image's release, once
# per step. The apt lists are a cache mount: the index is downloaded once per builder.
index_state=""
debian_index() {
  if [ -z "$index_state" ]; then
    index_state=broken
    rm -f /etc/apt/apt.conf.d/docker-clean
    # This release's index already in the cache, less than a week old: apt-file alone
    # (1.5 s), else `apt-get update`, apt-file and `apt-file update` (10 s here). Ready
    # when apt-file is there: an index it could not download, it says so itself.
    codename="$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release)"
    if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name "*_dists_${codename:-none}_*Contents-*" -mtime -7)" ] \
      || ! apt-get install -y -qq --no-install-recommends apt-file </dev/null >"$1/index.log" 2>&1; then
      { apt-get update -qq && apt-get install -y -qq --no-install-recommends apt-file && apt-file update; } \
        </dev/null >"$1/index.log" 2>&1 || true
    fi
    if command -v apt-file >/dev/null; then index_state=ready; fi
  fi
  [ "$index_state" = ready ]
}

# debian_package_of NAME REGEX SCRATCH: sets $package to the Debian package of this
# release that has the file (its path matches REGEX), '' when the index cannot tell;
# says which, in a line failures.py reads.
debian_package_of() {
  package=""
  : >"$3/hits.err"
  if debian_index "$3"; then
    # A fixed string (the file's name), filtered by REGEX after: 1.4 s a search here,
    # where `apt-file search -x REGEX` takes 6 s.
    apt-file search -- "$1" </dev/null >"$3/hits" 2>"$3/hits.err" || true
    package="$(artifacts python3 best-package "$1" "$2" "$3/hits")"
  fi
  if [ -n "$package" ]; then
    echo "warmbuild: $1 is in the Debian package $package"
  elif [ "$index_state" = ready ] && ! grep -q . "$3/hits.err"; then
    echo "warmbuild: $1 is in no Debian package of this release"
  else
    why="$(cat "$3/index.log" "$3/hits.err" 2>/dev/null | grep '^E:' | head -n 1 | cut -c4-160)"
    echo "warmbuild: $1 was not looked up: Debian's file index is unavailable (${why:-apt-file failed})"
  fi
}

# diagnose_compile REQUIREMENT SCRATCH: the compile of REQUIREMENT failed (its log in
# SCRATCH/pip.log). Name the Debian package of each file it lacked; then, in this
# failing step only (nothing of it is kept), install them and compile again, so one
# failed build names every package to add (python-ldap needs lber.h, then sasl/sasl.h).
diagnose_compile() {
  added=""
  for round in 1 2 3; do
    artifacts python3 missing-files "$2/pip.log" >"$2/missing"
    new=""
    while read -r name regex; do
      debian_package_of "$name" "$regex" "$2"
      case " $added $new " in
        *" $package "*) ;;
        *) new="$new${package:+ $package}" ;;
      esac
    done <"$2/missing"
    if [ -z "$new" ] || [ "$round" = 3 ]; then break; fi
    added="$added$new"
    echo "warmbuild: compiling again with$added, to find whatever else is missing"
    # shellcheck disable=SC2086 # a list of package names
    apt-get install -y -qq --no-install-recommends $new </dev/null >"$2/apt.log" 2>&1 || break
    # No cache: a wheel built with packages the configuration lacks is never reused.
    # shellcheck disable=SC2086 # $check is one flag or none
    if python3 -m pip wheel -q --no-deps --no-cache-dir $check -r "$2/requirement.txt" -w "$2/again" \
      >"$2/pip.log" 2>&1; then
      echo "warmbuild: with$added added, ${1%% *} compiles"
      break
    fi
    cat "$2/pip.log"
  done
}

if [ "$set_name" = project ]; then
  # The project itself (`install_project`), as an editable install leaves it: a
  # dist-info with its METADATA and entry points, a .pth putting its import root on
  # sys.path, and a script per console/gui entry point, all from the files warmbuild
  # wrote from pyproject.toml (/run/warmbuild/project). No build backend runs.
  project=/run/warmbuild/project
  [ -s "$project/METADATA" ] || exit 0
  "$VIRTUAL_ENV/bin/python" - "$project" <<'PYTHON'
import configparser, os, pathlib, sys, sysconfig

given = pathlib.Path(sys.argv[1])
metadata = (given / "METADATA").read_text()
fields = dict(line.split(": ", 1) for line in metadata.splitlines() if ": " in line)
site = pathlib.Path(sysconfig.get_path("purelib"))
distribution = fields["Name"].replace("-", "_")
info = site / f"{distribution}-{fields['Version'].replace('-', '_')}.dist-info"
info.mkdir()
written = {"METADATA": metadata, "INSTALLER": "warmbuild\n", "entry_points.txt": (given / "entry_points.txt").read_text()}
root = (given / "import-root").read_text().strip()
written["direct_url.json"] = '{"url": "file://%s", "dir_info": {"editable": true}}\n' % root
for name, text in written.items():
    (info / name).write_text(text)
(site / f"__editable__.{distribution}.pth").write_text(root + "\n")
entry_points = configparser.ConfigParser(delimiters=("=",), interpolation=None)
entry_points.optionxform = str
entry_points.read_string(written["entry_points.txt"])
scripts = pathlib.Path(sysconfig.get_path("scripts"))
made = [info / name for name in written] + [site / f"__editable__.{distribution}.pth"]
for group in ("console_scripts", "gui_scripts"):
    for name, reference in (entry_points.items(group) if entry_points.has_section(group) else []):
        module, _, attribute = reference.partition(":")
        script = scripts / name
        script.write_text(
            f"#!{sys.executable}\nimport sys\nfrom {module} import {attribute.split('.')[0]}\n"
            f"if __name__ == '__main__':\n    sys.exit({attribute.strip()}())\n"
        )
        script.chmod(0o755)
        made.append(script)
# RECORD: what an uninstall removes (paths relative to site-packages, as pip writes them).
record = [os.path.relpath(path, site) for path in made] + [f"{info.name}/RECORD"]
(info / "RECORD").write_text("".join(f"{path},,\n" for path in record))
print(f"warmbuild: the project {fields['Name']} {fields['Version']}, imported from {root}")
PYTHON
  exit $?
fi

if [ "$set_name" = os-packages ]; then
  runtime="/run/warmbuild/wheels/runtime-packages.txt"
  from_wheels=""
  if [ -s "$runtime" ]; then
    from_wheels="$(sed -e '/^#/d' -e 's/ .*//' "$runtime")"
    echo "warmbuild: runtime libraries of compiled wheels: $(awk '!/^#/ { d = $2; gsub(/==[^,]*/, "", d);
      gsub(/,/, ", ", d); printf "%s%s (%s)", s, $1, d; s = ", " }' "$runtime")"
  fi
  # Word splitting on purpose: both are lists of package names.
  # shellcheck disable=SC2086
  set -- ${APT_PACKAGES:-} $from_wheels
  [ "$#" -gt 0 ] || exit 0
  # Keep downloaded .debs in the cache mount (official images delete them).
  rm -f /etc/apt/apt.conf.d/docker-clean
  echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' >/etc/apt/apt.conf.d/keep-cache
  apt-get update
  apt-get install -y --no-install-recommends "$@"
  exit 0
fi

if [ "$set_name" = libraries ]; then
  # After a target's last install: an extension module whose library is in no folder of
  # the image (opencv-python's libGL.so.1 in a slim image) fails here, not at import.
  artifacts "$(sed -n 's/^home = //p' "$VIRTUAL_ENV/pyvenv.cfg")/python3" libraries "$VIRTUAL_ENV"
  exit $?
fi

# --- the wheel-build stage: no venv, the full image's own pip ---------------------------
if [ "$set_name" = build-wheels ]; then
  mkdir -p /wheels
  [ -s "$locks/build.txt" ] || exit 0
  # The build environment (the interpreter and its CPU, the build image's digest, the
  # extra OS packages): a wheel built in one is never reused in another, by us or by
  # pip's own wheel cache. The CPU too: a multi-platform build image has one digest
  # for its amd64 and arm64 images, and the cache mount is shared by both.
  environment="$(python3 -c 'import sys, sysconfig; print(sys.implementation.cache_tag, sysconfig.get_platform(), sep="-")')-$(
    printf '%s|%s' "${PYTHON_BUILD_IMAGE:-}" "${BUILD_APT_PACKAGES:-}" | sha256sum | cut -c1-16)"
  cache=/root/.cache/warmbuild-built/"$environment"
  mkdir -p "$cache"
  export PIP_CACHE_DIR=/root/.cache/pip/"$environment" PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
  while IFS= read -r requirement; do
    # A folder per requirement (its pinned hashes or commit), written complete or
    # not at all: a lock change rebuilds only what changed.
    key="$(printf '%s' "$requirement" | sha256sum | cut -c1-32)"
    if [ ! -d "$cache/$key" ]; then
      scratch="$(mktemp -d "$cache/.build.XXXXXX")"
      printf '%s\n' "$requirement" >"$scratch/requirement.txt"
      case "$requirement" in *--hash=*) check=--require-hashes ;; *) check="" ;; esac
      echo "building a wheel: ${requirement%% *}"
      if ! python3 -m pip wheel -q --no-deps $check -r "$scratch/requirement.txt" -w "$scratch/out" \
        >"$scratch/pip.log" 2>&1; then
        cat "$scratch/pip.log"
        diagnose_compile "$requirement" "$scratch"
        rm -rf "$scratch"
        exit 1
      fi
      cat "$scratch/pip.log"
      mv "$scratch/out" "$cache/$key.tmp.$$"
      if ! mv -T "$cache/$key.tmp.$$" "$cache/$key" 2>/dev/null; then rm -rf "$cache/$key.tmp.$$"; fi
      rm -rf "$scratch"
    fi
    cp "$cache/$key"/*.whl /wheels/
  done <"$locks/build.txt"
  # The Debian packages of the libraries these wheels link that the runtime image
  # (mounted at /run/warmbuild/runtime) lacks: where the wheels go, they go too.
  if [ -d /run/warmbuild/runtime/etc ]; then
    artifacts python3 runtime-packages /wheels /run/warmbuild/runtime /wheels/runtime-packages.txt
  else
    echo "install-python-deps: no runtime image at /run/warmbuild/runtime: the wheels' runtime packages are not listed" >&2
  fi
  exit 0
fi

# The interpreter the venv was made from: it has pip; the venv (made --without-pip)
# has none, and `python` on PATH is the venv's.
base_python="$(sed -n 's/^home = //p' "$VIRTUAL_ENV/pyvenv.cfg")/python3"

# A tool lives in its own venv in the tools cache. Installs of slots run side by side,
# so the first to need a tool installs it under a lock (released by the kernel if the
# build is cancelled); .complete, written last, marks a finished install.
ensure_tool() { # name version -> prints the tool's path
  venv="$tools/$1-$2"
  if [ ! -f "$venv/.complete" ]; then
    mkdir -p "$tools"
    (
      flock 9
      if [ ! -f "$venv/.complete" ]; then
        rm -rf "$venv"
        "$base_python" -m venv "$venv" >&2
        "$venv/bin/python" -m pip install -q --disable-pip-version-check "$1==$2" >&2
        touch "$venv/.complete"
      fi
    ) 9>"$tools/.lock"
  fi
  echo "$venv/bin/$1"
}

if [ "$set_name" = remove-package-managers ]; then
  # pip (and setuptools/wheel, where a base has them) wherever the base interpreter
  # finds them, the wheels Python keeps to bootstrap pip (ensurepip's bundle;
  # Debian's python-wheels) and the pip scripts. Removed as files, found by Python:
  # `pip uninstall` costs 1.5 s a build.
  "$base_python" -c '
import csv, ensurepip, importlib.util, os, pathlib, shutil
doomed = [pathlib.Path(ensurepip.__file__).parent / "_bundled"]
for name in ("pip", "setuptools", "wheel", "_distutils_hack"):
    spec = importlib.util.find_spec(name)
    if not (spec and spec.origin):
        continue
    site = pathlib.Path(spec.origin).parent.parent
    doomed.append(site / name)
    for info in site.glob(f"{name}-*.dist-info"):
        # Every file the install wrote (scripts in bin/ too), as pip uninstall would.
        rows = csv.reader((info / "RECORD").read_text().splitlines())
        doomed += [pathlib.Path(os.path.normpath(site / row[0])) for row in rows] + [info]
for path in doomed:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
'
  rm -rf /usr/share/python-wheels
  exit 0
fi

if [ "$set_name" = check ]; then
  # The installs use --no-deps from the exported lock, so a lock resolved for another
  # platform (a requirements file compiled on macOS, without torch's Linux-only CUDA
  # packages) would ship an image whose imports fail. Every requirement of every
  # installed distribution must be there: markers evaluated by this image's own
  # interpreter, with the extras the installed packages ask of each other. Read by
  # the base interpreter from the venv's site-packages (the venv has no packaging;
  # pip, still there, vendors it).
  "$base_python" - "$VIRTUAL_ENV" "$locks/packages.txt" <<'PYTHON'
import glob
import re
import sys

try:
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name
except ImportError:
    try:
        from pip._vendor.packaging.requirements import InvalidRequirement, Requirement
        from pip._vendor.packaging.utils import canonicalize_name
    except ImportError:
        print("install-python-deps: no packaging module here; the installed set was not checked", file=sys.stderr)
        sys.exit(0)

venv, exported = sys.argv[1], sys.argv[2]


def headers(path):
    """Name, Version and Requires-Dist of a METADATA file: its headers only (the
    email parser would read the whole description too, 5x slower)."""
    found = {"Requires-Dist": []}
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if not line.strip():
                break
            key, _, value = line.partition(":")
            if key == "Requires-Dist":
                found[key].append(value.strip())
            elif key in ("Name", "Version"):
                found[key] = value.strip()
    return found


installed, lines = {}, {}
# The venv's own layout (Debian's interpreter would name /usr/local's dist-packages).
sites = sorted(glob.glob(f"{glob.escape(venv)}/lib*/python3*/site-packages"))
if not sites:
    print(f"install-python-deps: no site-packages in {venv}; the installed set was not checked", file=sys.stderr)
for site in sites:
    for path in sorted(glob.glob(f"{glob.escape(site)}/*.dist-info/METADATA")):
        meta = headers(path)
        name = canonicalize_name(meta.get("Name", ""))
        if name and name not in installed:
            installed[name], lines[name] = meta, meta["Requires-Dist"]
extras = {name: {""} for name in installed}
requires = {name: [] for name in installed}
parsed_all = set()


def parse(name, texts):
    for text in texts:
        try:
            requires[name].append(Requirement(text))
        except InvalidRequirement:
            pass


def applies(requirement, active):
    return requirement.marker is None or any(requirement.marker.evaluate({"extra": e}) for e in active)


# Requirements of extras are parsed only for the extras asked for (most are tests' and
# docs'): the base ones first, then, as installed packages ask for extras
# (`uvicorn[standard]`), those of the packages they ask them of, to a fixed point.
for name, texts in lines.items():
    parse(name, [t for t in texts if not re.search(r"\bextra\b", t.partition(";")[2])])
changed = True
while changed:
    changed = False
    for name in [n for n in installed if len(extras[n]) > 1 and n not in parsed_all]:
        parsed_all.add(name)
        requires[name] = []
        parse(name, lines[name])
    for name, found in requires.items():
        for requirement in found:
            target = canonicalize_name(requirement.name)
            wanted = {canonicalize_name(e) for e in requirement.extras}
            if target in extras and not wanted <= extras[target] and applies(requirement, extras[name]):
                extras[target] |= wanted
                changed = True
problems = []
for name, found in sorted(requires.items()):
    meta = installed[name]
    for requirement in found:
        if not applies(requirement, extras[name]):
            continue
        other = installed.get(canonicalize_name(requirement.name))
        asked = requirement.name + (f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else "")
        marker = f" ({requirement.marker})" if requirement.marker else ""
        who = f"{meta['Name']} {meta.get('Version', '')} requires"
        if other is None:
            problems.append(f"missing: {who} {asked}{requirement.specifier}{marker}")
        elif requirement.specifier and not requirement.specifier.contains(other.get("Version", ""), prereleases=True):
            problems.append(f"conflict: {who} {asked}{requirement.specifier}{marker}, {other.get('Version')} is installed")
# pkg_resources comes with setuptools, which Python's own images before 3.12 carried
# in every environment: a package whose __init__ imports it without requiring
# setuptools worked there by accident (django-polymorphic 3.1), and fails at its first
# import here, where the venv holds what the lock installs. Only a top-level package's
# __init__.py counts: a submodule (passlib.pwd) may never be imported.
if "setuptools" not in installed:
    unconditional = re.compile(rb"^(?:import|from) pkg_resources\b", re.MULTILINE)
    for site in sites:
        for record in sorted(glob.glob(f"{glob.escape(site)}/*.dist-info/RECORD")):
            meta = headers(record[: -len("RECORD")] + "METADATA")
            with open(record, encoding="utf-8", errors="replace") as rows:
                files = [row.split(",", 1)[0] for row in rows if re.fullmatch(r"[^/]+/__init__\.py", row.split(",", 1)[0])]
            for relative in files:
                try:
                    with open(f"{site}/{relative}", "rb") as source:
                        text = source.read()
                except OSError:
                    continue
                found = unconditional.search(text) if b"pkg_resources" in text else None
                if found:
                    line = text.count(b"\n", 0, found.start()) + 1
                    problems.append(f"undeclared: {meta.get('Name')} {meta.get('Version', '')} imports pkg_resources "
                                    f"({relative}:{line}) without requiring setuptools, which provides it")
                    break
if problems:
    try:
        with open(exported, encoding="utf-8") as file:
            header = file.readline()
    except OSError:
        header = ""
    source = re.match(r"# Written by warmbuild from (.+); do not edit\.", header)
    for problem in problems:
        print(f"warmbuild-check: {problem}", file=sys.stderr)
    print(f"warmbuild-check: lock: {source[1] if source else 'the lock'}", file=sys.stderr)
    sys.exit(1)
PYTHON
  exit $?
fi

# install FLAGS... -- one call of the configured installer, into the venv.
install() {
  if [ -n "${INSTALL_FOR:-}" ]; then
    # Another platform's packages, unpacked on this CPU: uv chooses the wheels of
    # INSTALL_FOR (pip cannot install another platform's wheels into a venv). Wheels
    # only: an sdist built here would be built for this CPU; the lock's packages
    # without a wheel for the platform come from the wheel-build stage, built there.
    echo "install-python-deps: $INSTALL_FOR wheels, unpacked on $(uname -m)" >&2
    UV_LINK_MODE=copy UV_COMPILE_BYTECODE=1 UV_PYTHON_DOWNLOADS=never \
      "$(ensure_tool uv "$UV_VERSION")" pip install --python "$VIRTUAL_ENV/bin/python" \
      --python-platform "$INSTALL_FOR" --only-binary :all: --no-deps "$@"
    return
  fi
  case "$INSTALLER" in
    uv|poetry)
      # The cache is a mount on another filesystem: copy instead of hard-linking.
      UV_LINK_MODE=copy UV_COMPILE_BYTECODE=1 UV_PYTHON_DOWNLOADS=never \
        "$(ensure_tool uv "$UV_VERSION")" pip install --python "$VIRTUAL_ENV/bin/python" --no-deps "$@"
      ;;
    pip)
      "$base_python" -m pip --python "$VIRTUAL_ENV/bin/python" install -q --disable-pip-version-check \
        --no-deps "$@"
      ;;
  esac
}

# install_set: the step's pinned packages (nothing resolved at build time), then
# those built from source in the wheel-build stage.
install_set() {
  if [ -s "$locks/packages.txt" ]; then
    if [ "$INSTALLER" = pip ] && [ -z "${INSTALL_FOR:-}" ]; then
      # pip's HTTP cache depends on the index's Cache-Control headers, which proxies
      # may strip; a wheelhouse in a cache mount does not. Downloads land in a folder
      # of this run's own and are renamed in, so slots can share the wheelhouse.
      mkdir -p "$wheelhouse"
      fresh="$(mktemp -d "$wheelhouse/.download.XXXXXX")"
      "$base_python" -m pip download -q --disable-pip-version-check --no-deps $hashes \
        --find-links "$wheelhouse" --dest "$fresh" -r "$locks/packages.txt"
      for file in "$fresh"/*; do [ -e "$file" ] && mv -n "$file" "$wheelhouse/"; done
      rm -rf "$fresh"
      install --no-index --find-links "$wheelhouse" $hashes -r "$locks/packages.txt"
    else
      install $hashes -r "$locks/packages.txt"
    fi
  fi
  if [ -s "$locks/built.txt" ]; then
    install --no-index --find-links "$wheels" -r "$locks/built.txt"
  fi
}

case "$set_name" in
  light|poetry-main|dev-light|poetry-dev)
    # prod's light set and dev's: in a stage of their own (light, dev-light) for uv
    # and pip; on top of deps (poetry-main, poetry-dev) for Poetry, which installs a
    # whole selection and must see deps.
    case "$INSTALLER:$set_name" in
      poetry:poetry-main|uv:light|pip:light) exec "$0" main ;;
      poetry:poetry-dev|uv:dev-light|pip:dev-light) exec "$0" dev ;;
      poetry:*|uv:*|pip:*) ;;  # the other installers' step: nothing here
      *) echo "install-python-deps: unknown INSTALLER '$INSTALLER' (uv, pip or poetry)" >&2; exit 2 ;;
    esac
    ;;
  paths|paths-editable)
    [ -s /run/warmbuild/paths/paths.txt ] || exit 0
    editable=""
    if [ "$set_name" = paths-editable ]; then editable=-e; fi
    while IFS= read -r folder; do
      install $editable "/opt/pathdeps/$folder"
    done </run/warmbuild/paths/paths.txt
    ;;
  *)
    if [ "$INSTALLER" = poetry ]; then
      # Poetry installs the whole selection in one go (heavy-1, main or dev): it
      # cannot install a subset of a lock. Other slots stay empty.
      [ -s "$locks/poetry-groups.txt" ] || [ -f "$locks/poetry.lock" ] || exit 0
      poetry="$(ensure_tool poetry "$POETRY_VERSION")"
      # Poetry installs into the active venv ($VIRTUAL_ENV) instead of creating one.
      # shellcheck disable=SC2046
      POETRY_VIRTUALENVS_CREATE=false POETRY_CACHE_DIR=/root/.cache/pypoetry \
        "$poetry" install --no-root --no-interaction --directory "$locks" $(cat "$locks/poetry-groups.txt")
    elif [ "$INSTALLER" = uv ] || [ "$INSTALLER" = pip ]; then
      install_set
    else
      echo "install-python-deps: unknown INSTALLER '$INSTALLER' (uv, pip or poetry)" >&2
      exit 2
    fi
    ;;
esac
