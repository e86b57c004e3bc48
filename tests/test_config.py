"""Settings come from [tool.bindref]; bad settings are reported at their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bindref.core.config import Settings, find_project_root, load_settings
from bindref.core.errors import ConfigError
from bindref.languages import Language


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_defaults_fit_this_layout(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, "[project]\nname = 'x'\n"))
    assert settings == Settings(root=tmp_path)
    assert settings.languages == tuple(Language)
    assert settings.source_url("samples/a.py", 3, 9) == ""


def test_values_and_source_links(tmp_path: Path) -> None:
    settings = load_settings(
        write(
            tmp_path,
            (
                "[tool.bindref]\nsamples = 'examples'\nlanguages = ['python', 'java']\n"
                "source_base_url = 'https://example.test/blob/main/'\n"
            ),
        )
    )
    assert (settings.samples, settings.languages) == ("examples", (Language.PYTHON, Language.JAVA))
    assert settings.source_url("examples/a.py", 3, 9) == "https://example.test/blob/main/examples/a.py#L3-L9"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "samples = 'x'\nsampels = 'y'\n",
            "pyproject.toml:3: unknown setting 'sampels' in [tool.bindref] (did you mean 'samples'? "
            "settings: 'definitions', 'docs', 'extensions', 'languages', 'learn_code_root', 'learn_date', "
            "'learn_export', 'samples', 'source_base_url', 'templates')",
        ),
        (
            "languages = ['pyhton']\n",
            "pyproject.toml:2: unknown language 'pyhton' in 'languages' (did you mean 'python'? "
            "languages: 'csharp_inprocess', 'csharp_isolated', 'java', 'javascript', 'powershell', "
            "'python', 'typescript')",
        ),
        (
            "samples = '../outside'\n",
            "pyproject.toml:2: 'samples' must be a folder inside the project "
            "(use a relative path such as 'samples')",
        ),
        (
            "samples = 3\n",
            "pyproject.toml:2: 'samples' must be a string (write it in quotes, such as samples = 'samples')",
        ),
    ],
)
def test_bad_settings(tmp_path: Path, body: str, message: str) -> None:
    write(tmp_path, "[tool.bindref]\n" + body)
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    assert caught.value.render() == message
    assert caught.value.exit_code == 2


def test_invalid_toml(tmp_path: Path) -> None:
    write(tmp_path, "[tool.bindref\n")
    with pytest.raises(ConfigError, match=r"^pyproject.toml:1: invalid TOML"):
        load_settings(tmp_path)


def test_project_root_is_found_upwards(tmp_path: Path) -> None:
    write(tmp_path, "")
    nested = tmp_path / "docs" / "deep"
    nested.mkdir(parents=True)
    assert find_project_root(nested) == tmp_path
