"""Configuration: a table of files and flags -> resolved values or one-line errors."""

from __future__ import annotations

import pytest

from warmbuild.config import (
    CacheConfig,
    Config,
    DevConfig,
    FrontendConfig,
    SecretSource,
    apply_overrides,
    config_as_dict,
    load_config,
    parse_config,
)
from warmbuild.errors import ConfigError


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param(None, Config(), id="empty-file-is-all-defaults"),
        pytest.param({"registry": "reg.example:443"}, Config(registry="reg.example:443"), id="scalar"),
        pytest.param({"heavy": ["torch"]}, Config(heavy=("torch",)), id="list"),
        pytest.param({"cache": {"read_only": True}}, Config(cache=CacheConfig(read_only=True)), id="nested"),
        pytest.param(
            {"frontend": {"context": ""}, "dev": {"user": "1234:1234"}},
            Config(frontend=FrontendConfig(context=""), dev=DevConfig(user="1234:1234")),
            id="no-frontend-explicit-dev-user",
        ),
        pytest.param(
            {"secrets": [{"id": "ca", "file": "/etc/ca.pem"}, {"id": "token", "env": "INDEX_TOKEN"}]},
            Config(secrets=(SecretSource("ca", file="/etc/ca.pem"), SecretSource("token", env="INDEX_TOKEN"))),
            id="secrets-by-reference",
        ),
    ],
)
def test_valid_documents(data, expected):
    assert parse_config(data, "w.yaml") == expected


@pytest.mark.parametrize(
    "data, message",
    [
        pytest.param({"regsitry": "x"}, "w.yaml: unknown key 'regsitry'", id="unknown-key"),
        pytest.param({"port": "8000"}, "w.yaml: port: must be a port number, got str '8000'", id="wrong-type"),
        pytest.param({"port": True}, "w.yaml: port: must be a port number, got True", id="bool-is-not-int"),
        pytest.param({"port": 70000}, "w.yaml: port: 70000 is out of range; fix: use a number from 1", id="port-range"),
        pytest.param({"dev": {"user": "me"}}, "w.yaml: dev.user: 'me' is not auto, root or UID:GID", id="dev-user"),
        pytest.param({"dev": {"backend_port": "80"}}, "w.yaml: dev.backend_port: must be a port number", id="dev-port"),
        pytest.param({"frontend": {"ctx": "web"}}, "w.yaml: frontend: unknown key 'ctx'", id="frontend-unknown"),
        pytest.param({"name": "My App"}, "w.yaml: name: 'My App' is not an image name", id="image-name"),
        pytest.param({"installer": "conda"}, "w.yaml: installer: 'conda' is not one of uv, pip, poetry", id="choice"),
        pytest.param(
            {"compression": "brotli"},
            "w.yaml: compression: 'brotli' is not one of zstd, gzip, uncompressed",
            id="compression",
        ),
        pytest.param({"heavy": "numpy"}, "w.yaml: heavy: must be a list of strings", id="list-not-string"),
        pytest.param({"heavy": ["numpy", 3]}, "w.yaml: heavy[1]: must be a string", id="list-item"),
        pytest.param(
            {"cache": {"mode": "all"}}, "w.yaml: cache.mode: 'all' is not one of min, max", id="nested-choice"
        ),
        pytest.param({"cache": {"ttl": 3}}, "w.yaml: cache: unknown key 'ttl'", id="nested-unknown"),
        pytest.param(
            {"secrets": [{"id": "a"}]}, "w.yaml: secrets[0]: needs exactly one of 'env' or 'file'", id="secret-source"
        ),
        pytest.param(
            {"secrets": [{"id": "a", "value": "hunter2"}]},
            "w.yaml: secrets[0]: unknown key 'value'",
            id="no-inline-secret",
        ),
        pytest.param(["a"], "w.yaml: must be a mapping", id="not-a-mapping"),
    ],
)
def test_invalid_documents_name_file_and_key(data, message):
    with pytest.raises(ConfigError) as error:
        parse_config(data, "w.yaml")
    assert error.value.one_line().startswith(message)
    assert error.value.exit_code == 2
    assert "\n" not in error.value.one_line()


def test_flags_override_the_file_and_are_validated(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text("registry: from-file:5000\ncache:\n  mode: min\n")
    config = load_config(path, {"registry": "from-flag:5000", "cache.read_only": True, "installer": None})
    assert (config.registry, config.cache.mode, config.cache.read_only, config.installer) == (
        "from-flag:5000",
        "min",
        True,
        "uv",
    )
    with pytest.raises(ConfigError, match="installer: 'npm' is not one of"):
        apply_overrides(config, {"installer": "npm"})


def test_missing_and_broken_files(tmp_path):
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_config(tmp_path / "absent.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("registry: [unclosed\n")
    with pytest.raises(ConfigError, match=r"broken.yaml: invalid YAML at line 2"):
        load_config(broken)


def test_resolved_config_round_trips():
    config = Config(heavy=("torch",), secrets=(SecretSource("ca", file="/ca.pem"),))
    assert parse_config(config_as_dict(config), "<defaults>") == config
