#!/bin/sh
# Install one locked set of Python packages into $VIRTUAL_ENV, inside a BuildKit RUN.
#
#   install-python-deps heavy-N|main|dev   the set's pinned packages, then the ones
#                                          built from source (wheel-build stage)
#   install-python-deps paths|paths-editable   the app's path dependencies
#   install-python-deps build-wheels       (wheel-build stage) sdists and git
#                                          packages into wheels, in /wheels
#   install-python-deps remove-package-managers     (prod: nothing can install at run time)
#   install-python-deps check              every requirement of every installed package
#                                          is installed (after a target's last install)
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
tools=/root/.cache/warmbuild-tools
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

# --- the wheel-build stage: no venv, the full image's own pip ---------------------------
if [ "$set_name" = build-wheels ]; then
  mkdir -p /wheels
  [ -s "$locks/build.txt" ] || exit 0
  # The build environment (the build image's digest, the extra OS packages): a wheel
  # built in one is never reused in another, by us or by pip's own wheel cache.
  environment="$(python3 -c 'import sys; print(sys.implementation.cache_tag)')-$(
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
      python3 -m pip wheel -q --no-deps $check -r "$scratch/requirement.txt" -w "$scratch/out"
      mv "$scratch/out" "$cache/$key.tmp.$$" && mv -T "$cache/$key.tmp.$$" "$cache/$key" 2>/dev/null \
        || rm -rf "$cache/$key.tmp.$$"
      rm -rf "$scratch"
    fi
    cp "$cache/$key"/*.whl /wheels/
  done <"$locks/build.txt"
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
    if [ "$INSTALLER" = pip ]; then
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
