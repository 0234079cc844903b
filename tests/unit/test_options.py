"""The options model: a table of files and flags -> resolved values or one-line errors,
and the README's configuration table generated from the same definitions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from support import REPO_ROOT

from warmbuild import options
from warmbuild.errors import ConfigError
from warmbuild.options import (
    CONFIG_FLAGS,
    CacheOptions,
    Config,
    DevOptions,
    FrontendOptions,
    SecretSource,
    apply_flags,
    config_as_dict,
    load_config,
    parse_config,
)

SOURCE = Path("w.yaml")


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param(None, Config(), id="empty-file-is-all-defaults"),
        pytest.param({"registry": "reg.example:443"}, Config(registry="reg.example:443"), id="scalar"),
        pytest.param({"heavy": ["torch"]}, Config(heavy=("torch",)), id="list"),
        pytest.param({"cache": {"read_only": True}}, Config(cache=CacheOptions(read_only=True)), id="nested"),
        pytest.param(
            {"frontend": {"context": ""}, "dev": {"user": "1234:1234"}},
            Config(frontend=FrontendOptions(context=""), dev=DevOptions(user="1234:1234")),
            id="no-frontend-explicit-dev-user",
        ),
        pytest.param(
            {"secrets": [{"id": "ca", "file": "/etc/ca.pem"}, {"id": "token", "env": "INDEX_TOKEN"}]},
            Config(secrets=(SecretSource(id="ca", file="/etc/ca.pem"), SecretSource(id="token", env="INDEX_TOKEN"))),
            id="secrets-by-reference",
        ),
    ],
)
def test_valid_documents(data: dict[str, Any], expected: Config) -> None:
    assert parse_config(data, None) == expected


@pytest.mark.parametrize(
    "data, message",
    [
        pytest.param({"regsitry": "x"}, "w.yaml: unknown key 'regsitry'; fix: did you mean 'registry'?", id="typo"),
        pytest.param({"colour": "x"}, "w.yaml: unknown key 'colour'; fix: remove it or use one of", id="unknown"),
        pytest.param({"port": "8000"}, "w.yaml: port: must be a port number, got str '8000'", id="wrong-type"),
        pytest.param({"port": True}, "w.yaml: port: must be a port number, got True", id="bool-is-not-int"),
        pytest.param(
            {"port": 70000}, "w.yaml: port: 70000 is out of range; fix: use a number from 1 to 65535", id="range"
        ),
        pytest.param({"dev": {"user": "me"}}, "w.yaml: dev.user: 'me' is not auto, root or UID:GID", id="dev-user"),
        pytest.param({"dev": {"backend_port": "80"}}, "w.yaml: dev.backend_port: must be a port number", id="dev-port"),
        pytest.param({"frontend": {"ctx": "web"}}, "w.yaml: frontend: unknown key 'ctx'", id="frontend-unknown"),
        pytest.param({"frontend": "web"}, "w.yaml: frontend: must be a mapping, got str 'web'", id="section-type"),
        pytest.param({"name": "My App"}, "w.yaml: name: 'My App' is not an image name", id="image-name"),
        pytest.param({"installer": "conda"}, "w.yaml: installer: 'conda' is not one of uv, pip, poetry", id="choice"),
        pytest.param(
            {"compression": "brotli"},
            "w.yaml: compression: 'brotli' is not one of zstd, gzip, uncompressed",
            id="compression",
        ),
        pytest.param({"heavy": "numpy"}, "w.yaml: heavy: must be a list of strings, got str 'numpy'", id="not-list"),
        pytest.param({"heavy": ["numpy", 3]}, "w.yaml: heavy[1]: must be a string, got int 3", id="list-item"),
        pytest.param({"sbom": "yes"}, "w.yaml: sbom: must be true or false, got str 'yes'", id="boolean"),
        pytest.param(
            {"cache": {"mode": "all"}}, "w.yaml: cache.mode: 'all' is not one of auto, min, max", id="nested-choice"
        ),
        pytest.param({"cache": {"ttl": 3}}, "w.yaml: cache: unknown key 'ttl'", id="nested-unknown"),
        pytest.param(
            {"secrets": [{"id": "a"}]}, "w.yaml: secrets[0]: needs exactly one of 'env' or 'file'", id="secret-source"
        ),
        pytest.param({"secrets": [{"env": "A"}]}, "w.yaml: secrets[0]: missing key 'id'", id="secret-id"),
        pytest.param(
            {"secrets": [{"id": "a", "value": "hunter2"}]},
            "w.yaml: secrets[0]: unknown key 'value'; fix: remove it or use one of env, file, id",
            id="no-inline-secret",
        ),
        pytest.param(["a"], "w.yaml: must be a mapping of keys to values", id="not-a-mapping"),
    ],
)
def test_invalid_documents_name_file_and_key(data: object, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_config(data, SOURCE)
    assert error.value.one_line().startswith(message)
    assert error.value.exit_code == 2
    assert "\n" not in error.value.one_line()


def test_flags_override_the_file_and_their_errors_name_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("registry: from-file:5000\ncache:\n  mode: min\n")
    config = load_config(path, {"registry": "from-flag:5000", "pull_request": True, "installer": None})
    assert (config.registry, config.cache.mode, config.cache.read_only, config.installer) == (
        "from-flag:5000",
        "min",
        True,
        "uv",
    )
    assert load_config(path, {"pull_request": False}).cache.read_only is False, "a switch left off changes nothing"
    with pytest.raises(ConfigError) as error:
        apply_flags(config, {"installer": "npm"})
    assert error.value.one_line().startswith("--installer: 'npm' is not one of uv, pip, poetry")


def test_missing_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "absent.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("registry: [unclosed\n")
    with pytest.raises(ConfigError, match=r"broken.yaml: invalid YAML at line 2"):
        load_config(broken)


def test_the_file_is_found_from_a_sub_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "warmbuild.yaml").write_text("name: found\n")
    (tmp_path / "backend" / "app").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "backend" / "app")
    config = load_config()
    assert config.name == "found" and config.root == tmp_path


def test_resolved_config_round_trips() -> None:
    config = Config(heavy=("torch",), secrets=(SecretSource(id="ca", file="/ca.pem"),))
    assert parse_config(config_as_dict(config), None) == config


def test_every_flag_names_an_existing_key_and_has_help() -> None:
    assert set(CONFIG_FLAGS) == {"registry", "installer", "builder", "pull_request", "export_cache"}
    for flag in CONFIG_FLAGS.values():
        section = Config.model_fields[flag.path[0]]
        assert section is not None and flag.help


def test_readme_configuration_table_is_generated_from_the_options() -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    block = re.search(r"<!-- config:start -->\n(.*?)<!-- config:end -->", readme, re.S)
    assert block, "README.md has no <!-- config:start/end --> block"
    assert block.group(1) == options.config_table_markdown(), (
        "README's configuration table is stale: run `python ci/render_readme.py`"
    )
    for key in ("`registry`", "`cache.read_only`", "`dev.user`", "`secrets`"):
        assert key in block.group(1)
