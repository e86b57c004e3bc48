"""``bindref new --from-sdk``: the SDK's own type string, direction, names and doc text.

Run against the installed azure-functions (1.26 in the test environment) and against C#
sources written here; the expected texts are azure-functions' own ``:param`` lines.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from bindref.cli.main import main
from bindref.languages import Direction, Language
from bindref.render.project import Project
from conftest import FIXTURE_MKDOCS, dedent, write_files


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    write_files(tmp_path, {"pyproject.toml": '[project]\nname = "x"\n', "mkdocs.yml": FIXTURE_MKDOCS})
    return tmp_path


@pytest.mark.parametrize(
    ("name", "decorator", "type_name", "direction", "described"),
    [
        ("tables/input", "table_input", "table", Direction.IN,
         ("take", "The maximum number of entities to return.")),
        ("tables/output", "table_output", "table", Direction.OUT,
         ("table_name", "The name of the table.")),
        ("queues/trigger", "queue_trigger", "queueTrigger", Direction.TRIGGER,
         ("queue_name", "The name of the queue to monitor.")),
    ],
)  # fmt: skip
def test_type_direction_and_descriptions_come_from_the_sdk(
    empty: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    name: str,
    decorator: str,
    type_name: str,
    direction: Direction,
    described: tuple[str, str],
) -> None:
    assert main(["--root", str(empty), "new", name, "--from-sdk", f"python:{decorator}"]) == 0
    binding = Project.at(empty).binding(name)
    assert (binding.type_name, binding.direction, binding.names[Language.PYTHON]) == (
        type_name,
        direction,
        decorator,
    )
    assert {p.canonical: p.description for p in binding.parameters}[described[0]] == described[1]
    definition = empty / f"binding_defs/{name}.py"
    text = definition.read_text(encoding="utf-8")
    assert "    # From the Python SDK's doc comment: review it, then delete this line.\n" in text
    # no C# source given: the convention's guess, said so beside it
    assert "  # naming-convention guess: no Isolated worker model SDK read\n" in text
    capsys.readouterr()
    assert main(["--root", str(empty), "check", "--format", "json"]) == 1
    on_definition = [
        f for f in json.loads(capsys.readouterr().out)["findings"] if f["path"] == f"binding_defs/{name}.py"
    ]
    assert {f["code"] for f in on_definition} == {"BR101"}  # placeholders only: nothing differs from the SDK

    definition.write_text(text.replace("TODO: ", ""), encoding="utf-8")  # what the author writes
    assert main(["--root", str(empty), "check", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    drift = [f for f in findings if f["path"].startswith("binding_defs/") and f["code"] != "BR421"]
    assert drift == []  # BR421 (a note): the new extension has no SDK lock yet
    config = load_config(config_file=str(empty / "mkdocs.yml"), site_dir=str(empty / "site"), strict=True)
    with caplog.at_level(logging.WARNING):
        build(config)
    page = name.replace("_", "-")
    assert (empty / f"site/{page}/index.html").is_file()


ISOLATED = dedent(
    """\
    namespace Microsoft.Azure.Functions.Worker;

    public sealed class TableInputAttribute : InputBindingAttribute
    {
        public TableInputAttribute(string tableName) { }
        public TableInputAttribute(string tableName, string partitionKey) { }

        /// <summary>Which table to read.</summary>
        public string TableName { get; }
        public string? PartitionKey { get; set; }
        public string? RowKey { get; set; }
        public int Take { get; set; } = 50;
        public string? Filter { get; set; }
        public string? Connection { get; set; }
    }
    """
)


def test_csharp_source_gives_name_constructors_and_its_own_defaults(
    empty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(empty, {"ext/TableInputAttribute.cs": ISOLATED})
    sdk = ["--from-sdk", "python:table_input", "--from-sdk", f"csharp={empty / 'ext'}:TableInput"]
    assert main(["--root", str(empty), "new", "tables/input", *sdk]) == 0
    text = (empty / "binding_defs/tables/input.py").read_text(encoding="utf-8")
    assert '        "csharp_isolated": "TableInput",\n' in text
    assert (
        '        "csharp_inprocess": "Table",  # naming-convention guess: no In-process model SDK read\n'
        in text
    )
    assert (
        "    constructors={\n"
        "        \"csharp_isolated\": [('table_name',), ('table_name', 'partition_key')],\n" in text
    )
    assert (
        'connection: str = param(required=True, languages={"csharp_isolated": lang(required=False)})\n'
        in text
    )
    assert (
        "take: int | None = param(default=None, languages={\"csharp_isolated\": lang(default=code('50'))})\n"
        in text
    )
    capsys.readouterr()
    assert (
        main(["--root", str(empty), "check", "--format", "json", "--sdk-source", f"csharp={empty / 'ext'}"])
        == 1
    )
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {f["code"] for f in findings if f["path"].startswith("binding_defs/")} == {"BR101", "BR421"}


def test_sdks_that_disagree_on_the_direction_are_a_usage_error(
    empty: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(empty, {"ext/TableInputAttribute.cs": ISOLATED})
    sdk = ["--from-sdk", "python:table_output", "--from-sdk", f"csharp={empty / 'ext'}:TableInput"]
    assert main(["--root", str(empty), "new", "tables/output", *sdk]) == 2
    assert capsys.readouterr().err.startswith(
        "the SDKs given (and --direction) state different directions "
        "(name surfaces of one binding, or drop --direction)"
    )
    assert not (empty / "binding_defs").exists()
