"""Rewrite README.md's configuration table from the options model (maintainers).

The table between `<!-- config:start -->` and `<!-- config:end -->` is generated from
src/warmbuild/options.py, where each key is defined once; a unit test fails when the
README differs.

    python ci/render_readme.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from warmbuild.options import config_table_markdown

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- config:start -->\n", "<!-- config:end -->"


def render(text: str) -> str:
    before, rest = text.split(START, 1)
    return before + START + config_table_markdown() + END + rest.split(END, 1)[1]


if __name__ == "__main__":
    README.write_text(render(README.read_text()))
    print(f"wrote {README}", file=sys.stderr)
