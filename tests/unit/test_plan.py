"""Plans: configuration + repository state -> exact buildx argv. No engine."""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

import pytest
from support import BASE_DIGEST, DATA, DOCKERFILE, EXAMPLE, REPO_ROOT, VARIANTS, sample_inputs

from warmbuild import dockerfile, locks
from warmbuild.errors import EngineError
from warmbuild.options import CacheOptions, Config, SecretSource
from warmbuild.plan import BuildInputs, BuildPlan, Output, cache_chain, cache_mode, deps_tag, dev_user, plan_build
from warmbuild.refs import parse_image_ref
from warmbuild.repo import RepoState

CONFIG = EXAMPLE
INPUTS = sample_inputs(CONFIG)
TAG = deps_tag(INPUTS)
DEPS = f"127.0.0.1:5000/warmbuild-example/deps:{TAG}"


def locks_folder(plan: BuildPlan) -> str:
    return str(plan.locks_dir)


def pathdeps_folder(plan: BuildPlan) -> str:
    [(folder, copies)] = plan.trees
    assert copies == ()
    return str(folder)


def files_by_name(plan: BuildPlan) -> dict[str, str]:
    return dict(plan.files)


def rendered_dockerfile(plan: BuildPlan) -> str:
    """The Dockerfile staged for the app (runtime blocks rendered), named by content."""
    assert re.fullmatch(r"/repo/\.warmbuild/warmbuild-example/dockerfile-[0-9a-f]{16}/Dockerfile", str(plan.dockerfile))
    assert [name for name, _ in plan.definition_files] == ["Dockerfile", "Dockerfile.dockerignore"]
    return str(plan.dockerfile)


def test_deps_plan_exact_argv() -> None:
    plan = plan_build(INPUTS, "deps")
    assert plan.argv == (
        "buildx",
        "build",
        "--progress=rawjson",
        "--file",
        rendered_dockerfile(plan),
        "--target",
        "deps",
        "--build-context",
        f"locks={locks_folder(plan)}",
        "--build-context",
        "warmbuild=/repo/docker",
        "--build-arg",
        f"PYTHON_IMAGE=python:3.13-slim@{BASE_DIGEST}",
        "--build-arg",
        "INSTALLER=uv",
        "--build-arg",
        "SOURCE_DATE_EPOCH=1700000000",
        "--build-arg",
        "WHEELS=no-wheels",
        "--build-arg",
        "APT_PACKAGES=tesseract-ocr",
        "--cache-from",
        "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:deps-main",
        "--cache-to",
        "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:deps-main,mode=min,compression=zstd",
        "--provenance",
        "mode=max",
        "--tag",
        DEPS,
        "--metadata-file",
        "/repo/.warmbuild/warmbuild-example/deps/metadata.json",
        "--output",
        "type=image,push=true,compression=zstd",
        "/repo/backend",
    )
    assert re.fullmatch(r"/repo/\.warmbuild/warmbuild-example/deps/locks-[0-9a-f]{16}", locks_folder(plan))
    files = files_by_name(plan)
    # A folder per install step: numpy alone (shared by scipy and opencv), one each, three empty.
    assert [name for name in files if name.endswith("packages.txt")] == [f"heavy-{n}/packages.txt" for n in range(1, 7)]
    assert "numpy==" in files["heavy-1/packages.txt"] and "scipy" not in files["heavy-1/packages.txt"]
    assert "scipy==" in files["heavy-2/packages.txt"] and "opencv-python-headless==" in files["heavy-3/packages.txt"]
    assert files["heavy-4/packages.txt"] == "" and files["build/build.txt"] == ""
    assert "heavy-1/require-hashes" in files and "paths/paths.txt" not in files
    assert plan.pushes and plan.image == DEPS


def test_prod_plan_exact_argv() -> None:
    plan = plan_build(INPUTS, "prod")
    assert plan.argv == (
        "buildx",
        "build",
        "--progress=rawjson",
        "--file",
        rendered_dockerfile(plan),
        "--target",
        "prod",
        "--build-context",
        f"locks={locks_folder(plan)}",
        "--build-context",
        "warmbuild=/repo/docker",
        "--build-context",
        f"deps=docker-image://{DEPS}",
        "--build-context",
        f"pathdeps={pathdeps_folder(plan)}",
        "--build-arg",
        f"PYTHON_IMAGE=python:3.13-slim@{BASE_DIGEST}",
        "--build-arg",
        "INSTALLER=uv",
        "--build-arg",
        "SOURCE_DATE_EPOCH=1700000000",
        "--build-arg",
        "WHEELS=no-wheels",
        "--build-arg",
        "PROD_INSTALLS=prod-without-index",
        "--label",
        "org.opencontainers.image.revision=c0ffee",
        "--label",
        "org.opencontainers.image.created=2023-11-14T22:13:20Z",
        "--label",
        "org.opencontainers.image.title=warmbuild-example",
        "--label",
        "org.opencontainers.image.base.name=python:3.13-slim",
        "--cache-from",
        "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:prod-main",
        "--cache-to",
        "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:prod-main,mode=max,compression=zstd",
        "--provenance",
        "false",
        "--tag",
        "127.0.0.1:5000/warmbuild-example/prod:main",
        "--metadata-file",
        "/repo/.warmbuild/warmbuild-example/prod/metadata.json",
        "--output",
        "type=docker,compression=zstd",
        "/repo/backend",
    )


def argv_of(target: str, config: Config = CONFIG, **changes: Any) -> list[str]:
    return list(plan_build(sample_inputs(config, **changes), target).argv)


def pairs(argv: list[str]) -> list[tuple[str, str]]:
    return [(argv[i], argv[i + 1]) for i in range(len(argv) - 1) if argv[i].startswith("--")]


REPO_FEATURE = RepoState(
    REPO_ROOT, "feature/Login page", "c0ffee", 1_700_000_000, "https://tok:x@git.example/team/app.git"
)


@pytest.mark.parametrize(
    "target, config, changes, present, absent",
    [
        pytest.param(
            "dev",
            CONFIG,
            {},
            [
                ("--build-arg", "DEV_UID=1000"),
                ("--build-arg", "DEV_GID=1000"),
                ("--output", "type=docker,compression=zstd"),
            ],
            [("--output", "type=image,push=true,compression=zstd")],
            id="dev-loads-and-matches-host-uid",
        ),
        pytest.param(
            "prod",
            CONFIG.model_copy(update={"cache": CacheOptions(read_only=True)}),
            {},
            [("--cache-from", "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:prod-main")],
            [
                (
                    "--cache-to",
                    "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:prod-main,mode=max,compression=zstd",
                )
            ],
            id="pull-request-imports-only",
        ),
        pytest.param(
            "prod",
            CONFIG,
            {"can_export_cache": False},
            [],
            [
                (
                    "--cache-to",
                    "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:prod-main,mode=max,compression=zstd",
                )
            ],
            id="driver-cannot-export",
        ),
        pytest.param(
            "prod",
            CONFIG,
            {"repo": REPO_FEATURE},
            [
                ("--cache-from", "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:prod-feature-Login-page"),
                ("--cache-from", "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:prod-main"),
                (
                    "--cache-to",
                    "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:prod-feature-Login-page,mode=max,compression=zstd",
                ),
                ("--label", "org.opencontainers.image.source=https://git.example/team/app.git"),
                ("--tag", "127.0.0.1:5000/warmbuild-example/prod:feature-Login-page"),
            ],
            [],
            id="feature-branch-falls-back-to-main-and-hides-credentials",
        ),
        pytest.param(
            "deps",
            CONFIG.model_copy(update={"builder": "ci", "platforms": ("linux/arm64",), "registry": "reg.example:443"}),
            {"secrets": (("ca", "src=/etc/ca.pem"), ("index_url", "env=INDEX_URL"))},
            [
                ("--builder", "ci"),
                ("--platform", "linux/arm64"),
                ("--secret", "id=ca,src=/etc/ca.pem"),
                ("--secret", "id=index_url,env=INDEX_URL"),
                ("--cache-from", "type=registry,ref=reg.example:443/warmbuild-example/cache:deps-main"),
            ],
            [],
            id="builder-platform-secrets-registry",
        ),
        pytest.param(
            "deps",
            CONFIG.model_copy(update={"installer": "pip", "cache": CacheOptions(mode="min")}),
            {},
            [
                ("--build-arg", "INSTALLER=pip"),
                (
                    "--cache-to",
                    "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:deps-main,mode=min,compression=zstd",
                ),
            ],
            [],
            id="installer-and-cache-mode",
        ),
        pytest.param(
            "deps",
            CONFIG.model_copy(update={"compression": "gzip"}),
            {},
            [
                ("--output", "type=image,push=true,compression=gzip"),
                (
                    "--cache-to",
                    "type=registry,ref=127.0.0.1:5000/warmbuild-example/cache:deps-main,mode=min,compression=gzip",
                ),
            ],
            [],
            id="gzip-for-old-runtimes",
        ),
    ],
)
def test_plan_table(
    target: str,
    config: Config,
    changes: dict[str, Any],
    present: list[tuple[str, str]],
    absent: list[tuple[str, str]],
) -> None:
    found = pairs(argv_of(target, config, **changes))
    for pair in present:
        assert pair in found
    for pair in absent:
        assert pair not in found


def test_secret_values_never_appear_in_a_plan() -> None:
    config = CONFIG.model_copy(update={"secrets": (SecretSource(id="index_url", env="INDEX_URL"),)})
    argv = argv_of("deps", config, secrets=(("index_url", "env=INDEX_URL"),))
    assert not [a for a in argv if a.startswith("--build-arg") and "INDEX" in a]
    assert "id=index_url,env=INDEX_URL" in argv


def test_cache_ref_never_equals_an_image_ref() -> None:
    """BuildKit's docs: the cache ref must be another repository than the image's."""
    for target in ("deps", "dev", "prod"):
        plan = plan_build(INPUTS, target)
        image_repository = parse_image_ref(plan.image).repository
        cache_repositories = {parse_image_ref(ref).repository for ref in plan.cache_from}
        assert cache_repositories == {"warmbuild-example/cache"}
        assert image_repository == f"warmbuild-example/{target}"


def test_cache_chain_deduplicates_on_the_default_branch() -> None:
    assert cache_chain(CONFIG, "dev", "main") == ("127.0.0.1:5000/warmbuild-example/cache:dev-main",)


# --- the deps tag: a hash of exactly what goes into the deps image -------------------

LIGHT = sample_inputs(CONFIG, app_dir=VARIANTS / "light-added")
HEAVY = sample_inputs(CONFIG, app_dir=VARIANTS / "heavy-changed")
DEV_STAGE_EDITED = INPUTS.dockerfile_text.replace(
    'CMD ["uvicorn", "--reload"]', 'CMD ["uvicorn", "--reload", "--log-level", "debug"]'
)
DEPS_STAGE_EDITED = INPUTS.dockerfile_text.replace(
    "RUN python -m venv --without-pip", "RUN python -I -m venv --without-pip"
)


@pytest.mark.parametrize(
    "inputs, same",
    [
        pytest.param(LIGHT, True, id="light-dependency-added"),
        pytest.param(dataclasses.replace(INPUTS, repo=REPO_FEATURE), True, id="other-branch-and-commit"),
        pytest.param(dataclasses.replace(INPUTS, dockerfile_text=DEV_STAGE_EDITED), True, id="dev-stage-edited"),
        pytest.param(
            dataclasses.replace(INPUTS, dockerfile_text=INPUTS.dockerfile_text + "\n# a comment\n"), True, id="comment"
        ),
        pytest.param(HEAVY, False, id="heavy-version-changed"),
        pytest.param(dataclasses.replace(INPUTS, base_digest="sha256:" + "c" * 64), False, id="base-image-digest"),
        pytest.param(dataclasses.replace(INPUTS, dockerfile_text=DEPS_STAGE_EDITED), False, id="deps-stage-edited"),
        pytest.param(dataclasses.replace(INPUTS, installer_script_text="#!/bin/sh\n"), False, id="installer-script"),
        pytest.param(sample_inputs(CONFIG.model_copy(update={"installer": "pip"})), False, id="installer"),
        pytest.param(sample_inputs(CONFIG.model_copy(update={"apt_packages": ()})), False, id="apt-packages"),
        pytest.param(sample_inputs(CONFIG.model_copy(update={"platforms": ("linux/arm64",)})), False, id="platform"),
        pytest.param(sample_inputs(CONFIG.model_copy(update={"heavy": ("numpy",)})), False, id="heavy-list"),
    ],
)
def test_deps_tag_changes_only_with_what_goes_into_deps(inputs: BuildInputs, same: bool) -> None:
    assert (deps_tag(inputs) == TAG) is same


def test_deps_key_names_its_parts() -> None:
    key = json.loads(plan_build(INPUTS, "deps").deps_key or "")
    # numpy, shared by scipy and opencv, alone; then one slot each; the rest empty.
    assert [[p[0] for p in slot] for slot in key["slots"]] == [
        ["numpy"],
        ["scipy"],
        ["opencv-python-headless"],
        [],
        [],
        [],
    ]
    assert key["built"] == [] and key["build"] == {"WHEELS": "no-wheels"}
    assert key["base"] == f"python:3.13-slim@{BASE_DIGEST}"
    assert "FROM deps AS dev" not in key["dockerfile"] and "AS runtime-base" in key["dockerfile"]


def test_poetry_installer_keys_deps_on_the_whole_main_group() -> None:
    config = CONFIG.model_copy(update={"installer": "poetry"})
    inputs = sample_inputs(config)
    assert deps_tag(sample_inputs(config, app_dir=VARIANTS / "light-added")) != deps_tag(inputs)
    files = files_by_name(plan_build(inputs, "dev"))
    assert files["dev/poetry-groups.txt"] == "--with dev\n"
    assert "dev/poetry.lock" in files


def test_each_target_gets_only_its_lock_export() -> None:
    for target, names in (("dev", ["dev", "dev-light"]), ("prod", ["main", "light"])):
        files = plan_build(INPUTS, target).files
        expected = ["build/build.txt", "paths/paths.txt", "project/METADATA"]
        expected += [f"{name}/{file}" for name in names for file in ("packages.txt", "require-hashes")]
        assert sorted(path for path, _ in files) == sorted(expected)
    dev = files_by_name(plan_build(INPUTS, "dev"))["dev/packages.txt"]
    prod = files_by_name(plan_build(INPUTS, "prod"))
    assert "pytest==" in dev and "pytest==" not in prod["main/packages.txt"]
    assert "ultralytics" not in dev
    # The light stage installs beside deps, not on it: nothing deps holds.
    assert "numpy==" in prod["main/packages.txt"] and "fastapi==" in prod["main/packages.txt"]
    assert "numpy==" not in prod["light/packages.txt"] and "scipy==" not in prod["light/packages.txt"]
    assert "fastapi==" in prod["light/packages.txt"]
    # So does dev's, with its dev group.
    dev_light = files_by_name(plan_build(INPUTS, "dev"))["dev-light/packages.txt"]
    assert "pytest==" in dev_light and "fastapi==" in dev_light and "numpy==" not in dev_light


# compiled-app's mmh3 and psycopg2 are sdists: as heavy packages, deps compiles them.
COMPILED = sample_inputs(EXAMPLE.model_copy(update={"heavy": ("mmh3", "psycopg2")}), DATA / "apps" / "compiled-app")


@pytest.mark.parametrize(
    "mode, inputs, target, expected",
    [
        ("auto", INPUTS, "deps", "min"),  # the slots' layers are the image's: min holds them
        ("auto", COMPILED, "deps", "max"),  # wheels compiled from sdists are kept for other machines
        ("auto", INPUTS, "prod", "max"),  # the light stage is not one of prod's layers
        ("auto", INPUTS, "dev", "max"),
        ("auto", INPUTS, "frontend-prod", "max"),  # node_modules of its build stage
        ("max", INPUTS, "deps", "max"),
        ("min", COMPILED, "deps", "min"),
        ("min", INPUTS, "prod", "min"),
    ],
)
def test_cache_mode_auto_is_min_only_for_a_deps_image_that_compiles_nothing(
    mode: str, inputs: BuildInputs, target: str, expected: str
) -> None:
    config = inputs.config.model_copy(update={"cache": CacheOptions(mode=mode)})  # type: ignore[arg-type]
    assert cache_mode(dataclasses.replace(inputs, config=config), target) == expected


def test_a_deps_image_that_compiles_wheels_exports_its_cache_in_max_mode() -> None:
    argv = list(plan_build(COMPILED, "deps").argv)
    assert ("--build-arg", "WHEELS=built-wheels") in pairs(argv)
    assert argv[argv.index("--cache-to") + 1].split(",")[2] == "mode=max"


def with_path_package(inputs: BuildInputs, name: str) -> BuildInputs:
    """The inputs with one locked package turned into a path dependency (a local package)."""
    source = locks.Source(locks.SourceKind.PATH, path=f"../libs/{name}")
    packages = tuple(dataclasses.replace(p, source=source) if p.name == name else p for p in inputs.lock.packages)
    assert packages != inputs.lock.packages
    return dataclasses.replace(inputs, lock=dataclasses.replace(inputs.lock, packages=packages))


POETRY = sample_inputs(CONFIG.model_copy(update={"installer": "poetry"}))
PIP = sample_inputs(CONFIG.model_copy(update={"installer": "pip"}))


@pytest.mark.parametrize(
    "inputs, target, expected",
    [
        (INPUTS, "prod", "prod-without-index"),  # uv: light set installed in its stage, nothing left to download
        (PIP, "prod", "prod-without-index"),
        (POETRY, "prod", "prod-with-index"),  # poetry-main
        (with_path_package(INPUTS, "anyio"), "prod", "prod-with-index"),  # a local package is built there
        (INPUTS, "dev", "dev-without-index"),  # dev-light holds the light and dev sets
        (PIP, "dev", "dev-without-index"),
        (POETRY, "dev", "dev-with-index"),  # poetry-dev
        (with_path_package(INPUTS, "anyio"), "dev", "dev-with-index"),  # installed editable there
    ],
)
def test_the_last_install_reaches_the_index_only_when_it_downloads(
    inputs: BuildInputs, target: str, expected: str
) -> None:
    argv = list(plan_build(inputs, target).argv)
    arg = f"{target.upper()}_INSTALLS"
    assert ("--build-arg", f"{arg}={expected}") in pairs(argv)
    assert not any(value.startswith(("DEV_INSTALLS=", "PROD_INSTALLS=")) for value in argv if arg not in value)
    stages = dockerfile.text_for_stage(DOCKERFILE.read_text(), target, {arg: expected})
    assert f"AS {expected}" in stages
    # The secrets are mounted in the shape that downloads, and only there.
    last = stages[stages.index(f"AS {expected}") :].split("\nFROM ")[0]
    assert ("type=secret" in last) is expected.endswith("-with-index")
    assert "install-python-deps check" in last and "install-python-deps libraries" in last
    assert ("remove-package-managers" in last) is (target == "prod")


@pytest.mark.parametrize("target", ["dev", "prod"])
def test_an_own_dockerfile_without_the_two_shapes_gets_no_installs_arg(target: str) -> None:
    text = DOCKERFILE.read_text()
    older = text.replace(f"AS {target}-without-index", f"AS {target}-checks")
    argv = list(plan_build(dataclasses.replace(INPUTS, dockerfile_text=older), target).argv)
    assert not any(value.startswith(f"{target.upper()}_INSTALLS=") for value in argv)


def test_dockerfile_stage_dependencies() -> None:
    text = DOCKERFILE.read_text()
    assert dockerfile.stage_names(text) == [
        "runtime-base",
        "build-platform-base",
        "installer",
        "wheel-build",
        "built-wheels",
        "no-wheels",
        "wheels",
        "os-packages",
        *(f"heavy-{n}" for n in range(1, 7)),
        "deps",
        "light",
        "dev-light",
        "dev-base",
        "dev-with-index",
        "dev-without-index",
        "dev",
        "prod-base",
        "prod-with-index",
        "prod-without-index",
        "prod",
    ]
    deps_text = dockerfile.text_for_stage(text, "deps")
    assert "install-python-deps heavy-6" in deps_text and "install-python-deps light" not in deps_text
    # The slots install on the builder's CPU (build-platform-base), unless INSTALL_BASE says.
    assert "AS build-platform-base" in deps_text
    prod_text = dockerfile.text_for_stage(text, "prod")
    assert "install-python-deps light" in prod_text
    # The wheel-build stage counts only when the build args choose it.
    assert "install-python-deps build-wheels" not in deps_text
    assert "install-python-deps build-wheels" in dockerfile.text_for_stage(text, "deps", {"WHEELS": "built-wheels"})


@pytest.mark.parametrize(
    "setting, host, expected",
    [
        ("auto", (1234, 1234), (1234, 1234)),
        ("auto", (0, 0), (0, 0)),
        ("root", (1234, 1234), (0, 0)),
        ("2000:3000", (1234, 1234), (2000, 3000)),
    ],
)
def test_dev_user(setting: str, host: tuple[int, int], expected: tuple[int, int]) -> None:
    assert dev_user(setting, *host) == expected


def test_lock_folder_is_named_by_its_content() -> None:
    """Concurrent builds of one target with different locks never share a folder."""
    light = sample_inputs(CONFIG, app_dir=VARIANTS / "light-added")
    assert locks_folder(plan_build(INPUTS, "prod")) == locks_folder(plan_build(sample_inputs(CONFIG), "prod"))
    assert locks_folder(plan_build(light, "prod")) != locks_folder(plan_build(INPUTS, "prod"))
    assert locks_folder(plan_build(light, "deps")) == locks_folder(plan_build(INPUTS, "deps"))  # heavy set unchanged


@pytest.mark.parametrize(("output", "refused"), [(Output.LOAD, True), (Output.PUSH, False), (Output.CACHE_ONLY, False)])
def test_a_builder_in_another_engine_cannot_load_into_this_one(output: Output, refused: bool) -> None:
    inputs = sample_inputs(builder_engine="shared-builder")
    if refused:
        with pytest.raises(EngineError, match="would be loaded there, not into this engine"):
            plan_build(inputs, "prod", output)
    else:
        assert plan_build(inputs, "prod", output).output is output
