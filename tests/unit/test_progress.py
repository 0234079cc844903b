"""rawjson progress parsing, on streams captured from buildx 0.13 on this engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from warmbuild.progress import RawJsonDecoder, Vertex, parse_rawjson

DATA = Path(__file__).resolve().parent.parent / "data"


def test_first_build_executes_steps_and_keeps_their_logs() -> None:
    progress = parse_rawjson((DATA / "rawjson-first-build-push.json").read_text())
    names = [step.name for step in progress.steps]
    assert len(names) == 3 and all(name.startswith(("[deps", "[final")) for name in names)
    install = progress.step_named("pip install")
    assert install.stage == "deps" and install.executed and install.seconds > 0
    assert "Successfully installed six-1.16.0" in progress.log_of(install)
    assert not progress.failed


def test_second_build_reports_cached_steps() -> None:
    progress = parse_rawjson((DATA / "rawjson-second-build.json").read_text())
    run_steps = [s for s in progress.steps if s.instruction.startswith("RUN")]
    assert run_steps and all(s.cached and not s.executed for s in run_steps)


@pytest.mark.parametrize("chunk_size", [1, 7, 4096])
def test_decoder_is_independent_of_chunking(chunk_size: int) -> None:
    text = (DATA / "rawjson-first-build-push.json").read_text()
    decoder = RawJsonDecoder()
    events = [e for i in range(0, len(text), chunk_size) for e in decoder.feed(text[i : i + chunk_size])]
    decoder.close()
    assert len(events) == text.count("\n{\n") + 1
    assert decoder.non_json == []


def test_plain_error_lines_are_kept_for_the_message() -> None:
    decoder = RawJsonDecoder()
    events = list(decoder.feed('{"vertexes": []}\nERROR: failed to solve: boom\n'))
    decoder.close()
    assert events == [{"vertexes": []}]
    assert decoder.non_json == ["ERROR: failed to solve: boom"]


def test_failed_cache_imports_become_warnings_except_missing_refs() -> None:
    progress = parse_rawjson(
        '{"vertexes": [{"digest": "a", "name": "importing cache manifest from reg/app/cache:dev-x",'
        ' "error": "not found"}, {"digest": "b", "name": "importing cache manifest from reg/app/cache:dev-main",'
        ' "error": "unexpected status: 401 Unauthorized"}]}'
    )
    assert progress.import_warnings() == [
        "cache import from reg/app/cache:dev-main failed (unexpected status: 401 Unauthorized); built without it"
    ]


@pytest.mark.parametrize(
    "name, step, stage",
    [
        ("[prod 5/9] RUN install-python-deps main", True, "prod"),
        # BuildKit pads the index to the count's width: a stage of ten steps or more.
        ("[prod  6/10] RUN install-python-deps paths && install-python-deps check", True, "prod"),
        ("[ 3/12] COPY . /app", True, ""),
        ("[internal] load build definition from Dockerfile", False, ""),
    ],
)
def test_step_names(name: str, step: bool, stage: str) -> None:
    vertex = Vertex("sha256:0", name)
    assert (vertex.is_step, vertex.stage) == (step, stage)
