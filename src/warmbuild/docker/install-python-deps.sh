#!/bin/sh
# Install one locked set of Python packages into $VIRTUAL_ENV, inside a BuildKit RUN.
#
#   install-python-deps heavy|main|dev
#   install-python-deps remove-package-managers     (prod: nothing can install at run time)
#
# Reads /run/warmbuild/locks/<set>.txt (pinned, with hashes, written by warmbuild)
# or, for INSTALLER=poetry, pyproject.toml + poetry.lock + poetry-groups.txt there.
# The installer tools (uv, Poetry) are installed into a cache mount on first use,
# never into the image. Optional BuildKit secrets: ca (a CA bundle), index_url (an
# index URL that may carry credentials), netrc (mounted at /root/.netrc).
set -eu

set_name="$1"
locks=/run/warmbuild/locks
# The interpreter the venv was made from: it has pip; the venv (made --without-pip)
# has none, and `python` on PATH is the venv's.
base_python="$(sed -n 's/^home = //p' "$VIRTUAL_ENV/pyvenv.cfg")/python3"
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

# A tool lives in its own venv in the tools cache (mounted sharing=locked, so one
# build at a time). The .complete marker is written last: an interrupted install is
# redone, never used half-finished.
ensure_tool() { # name version -> prints the tool's path
  venv="$tools/$1-$2"
  if [ ! -f "$venv/.complete" ]; then
    rm -rf "$venv"
    "$base_python" -m venv "$venv" >&2
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "$1==$2" >&2
    touch "$venv/.complete"
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

case "$INSTALLER" in
  uv)
    uv="$(ensure_tool uv "$UV_VERSION")"
    # The cache is a mount on another filesystem: copy instead of hard-linking.
    export UV_LINK_MODE=copy UV_COMPILE_BYTECODE=1 UV_PYTHON_DOWNLOADS=never
    # sync: exactly the lock's set, hashes required, nothing resolved at build time.
    "$uv" pip sync --python "$VIRTUAL_ENV/bin/python" --require-hashes "$locks/$set_name.txt"
    ;;
  pip)
    # pip's HTTP cache depends on the index's Cache-Control headers, which proxies may
    # strip; a wheelhouse in a cache mount does not: download into it, install from it.
    "$base_python" -m pip download -q --disable-pip-version-check --no-deps --require-hashes \
      --dest "$wheelhouse" -r "$locks/$set_name.txt"
    "$base_python" -m pip --python "$VIRTUAL_ENV/bin/python" install -q --disable-pip-version-check \
      --no-index --find-links "$wheelhouse" --no-deps --require-hashes -r "$locks/$set_name.txt"
    ;;
  poetry)
    poetry="$(ensure_tool poetry "$POETRY_VERSION")"
    # Poetry installs into the active venv ($VIRTUAL_ENV) instead of creating one.
    # shellcheck disable=SC2046
    POETRY_VIRTUALENVS_CREATE=false POETRY_CACHE_DIR=/root/.cache/pypoetry \
      "$poetry" install --no-root --no-interaction --directory "$locks" $(cat "$locks/poetry-groups.txt")
    ;;
  *)
    echo "install-python-deps: unknown INSTALLER '$INSTALLER' (uv, pip or poetry)" >&2
    exit 2
    ;;
esac
