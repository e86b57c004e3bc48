"""Java SDKs by Maven coordinates: the sources jar in the local Maven repository, read in place."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from bindref.cli.main import main
from bindref.core.errors import ConfigError
from bindref.languages import Language
from bindref.sdk.java import read_java_sources
from bindref.sdk.maven import sources_jar
from conftest import PYPROJECT, ProjectFactory
from test_check_sdk import JAVA_SDK

COORDINATE = "com.example.functions:widgets-library:1.2.0"
JAR = "com/example/functions/widgets-library/1.2.0/widgets-library-1.2.0-sources.jar"
SETTINGS = f'\n[tool.bindref.extensions.widgets]\njava_maven = ["{COORDINATE}"]\n'


def make_jar(repository: Path, java: str = JAVA_SDK) -> Path:
    jar = repository / JAR
    jar.parent.mkdir(parents=True)
    with zipfile.ZipFile(jar, "w") as archive:
        archive.writestr("com/example/widgets/WidgetInput.java", java)
        archive.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
    return jar


def test_a_sources_jar_is_read_like_a_checkout(tmp_path: Path) -> None:
    jar = make_jar(tmp_path)
    surface = read_java_sources(jar)[Language.JAVA]["WidgetInput"]
    assert surface.path == "com/example/widgets/WidgetInput.java"
    assert [p.name for p in surface.parameters] == [
        "name",
        "widgetId",
        "maxLength",
        "chatModel",
        "aiConnectionName",
    ]


def test_coordinates_resolve_in_the_local_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BINDREF_MAVEN_REPO", str(tmp_path))
    jar = make_jar(tmp_path)
    assert sources_jar(COORDINATE) == jar
    with pytest.raises(ConfigError) as caught:
        sources_jar("com.example.functions:widgets-library:9.9.9")
    assert caught.value.render().endswith(
        "(install them: mvn dependency:get "
        "-Dartifact=com.example.functions:widgets-library:9.9.9:jar:sources)"
    )
    with pytest.raises(ConfigError, match="is not a Maven coordinate"):
        sources_jar("widgets-library")


def test_check_compares_with_the_jar_of_the_extension_settings(
    make_project: ProjectFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    repository = tmp_path / "m2"
    monkeypatch.setenv("BINDREF_MAVEN_REPO", str(repository))
    make_jar(repository, JAVA_SDK.replace("default 8 * 1024;", "default 4096;"))
    make_project(pyproject=PYPROJECT + SETTINGS)
    args = ["--root", str(tmp_path), "check", "--no-python-sdk", "--format", "json"]
    assert main(args) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["code"], f["message"]) for f in findings if "BR400" < f["code"] < "BR420"] == [
        ("BR405", "default of 'maxLength' is 4096 in java 'WidgetInput' but 8192 in the definition")
    ]
    assert main([*args, "--no-java-sdk"]) == 0


def test_a_jar_not_installed_is_a_usage_error(
    make_project: ProjectFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BINDREF_MAVEN_REPO", str(tmp_path / "empty"))
    make_project(pyproject=PYPROJECT + SETTINGS)
    assert main(["--root", str(tmp_path), "check", "--no-python-sdk"]) == 2
    err = capsys.readouterr().err
    assert "(java_maven of extension 'widgets')" in err
    assert f"mvn dependency:get -Dartifact={COORDINATE}:jar:sources" in err
