"""Templates by output: site/, learn/ and scaffold/, each overridable; the old flat layout is an error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bindref.cli.main import main
from bindref.core.codes import CODES
from bindref.render.macros import finding_codes_markdown
from conftest import ProjectFactory

OLD = "docs/overrides/bindref/python/parameter_table.md.j2"
OLD_LEARN = "docs/overrides/bindref/_default/learn_page.md.j2"


def test_an_override_in_the_old_layout_is_a_located_error(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project({OLD: "{% extends '_default/parameter_table.md.j2' %}\n", OLD_LEARN: "x\n"})
    assert (
        main(["--root", str(tmp_path), "render", "widgetIn", "--section", "table", "--language", "java"]) == 3
    )
    assert capsys.readouterr().err == (
        f"{OLD_LEARN}: template override is outside site/, learn/ and scaffold/, so it would never be used "
        "(move it to docs/overrides/bindref/learn/_default/page.md.j2)\n"
        f"{OLD}: template override is outside site/, learn/ and scaffold/, so it would never be used "
        "(move it to docs/overrides/bindref/site/python/parameter_table.md.j2)\n"
        "bindref: 2 problem(s) found\n"
    )


def test_check_reports_an_old_layout_override_once_as_a_template_error(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_project({OLD: "{% extends '_default/parameter_table.md.j2' %}\n"})
    assert main(["--root", str(tmp_path), "check", "--no-python-sdk"]) == 3
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if line.startswith(OLD)] == [
        f"{OLD}: [BR003] template override is outside site/, learn/ and scaffold/, so it would never be "
        "used (move it to docs/overrides/bindref/site/python/parameter_table.md.j2)"
    ]


def test_the_new_layout_override_wins_for_its_output_only(
    make_project: ProjectFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    override = '{% extends "site/_default/parameter_table.md.j2" %}\n{% block intro %}Mine.{% endblock %}\n'
    make_project({"docs/overrides/bindref/site/python/parameter_table.md.j2": override})
    assert (
        main(["--root", str(tmp_path), "render", "widgetIn", "--section", "table", "--language", "python"])
        == 0
    )
    assert capsys.readouterr().out.startswith("Mine.\n\n| Parameter |")


def test_preview_inputs_of_a_page_are_the_site_templates(
    make_project: ProjectFactory, tmp_path: Path
) -> None:
    project = make_project(
        {
            "docs/overrides/bindref/site/_default/tabs.md.j2": "{{ tabs }}\n",
            "docs/overrides/bindref/learn/_default/zone.md.j2": "{{ zone }}\n",
        }
    )
    inputs = {
        p.relative_to(tmp_path).as_posix() for p in project.template_inputs() if p.is_relative_to(tmp_path)
    }
    assert inputs == {
        "docs/overrides/bindref",
        "docs/overrides/bindref/learn",
        "docs/overrides/bindref/learn/_default",
        "docs/overrides/bindref/site",
        "docs/overrides/bindref/site/_default",
        "docs/overrides/bindref/site/_default/tabs.md.j2",
    }
    packaged = {p.parts[-3] for p in project.template_inputs() if not p.is_relative_to(tmp_path)}
    assert packaged == {"site"}


def test_the_codes_page_lists_every_code(make_project: ProjectFactory) -> None:
    page = finding_codes_markdown(make_project().renderer)
    headings = re.findall(r"^## (BR\d{3}) ", page, flags=re.MULTILINE)
    assert headings == list(CODES)
    assert len(headings) > 20  # the catalog is not empty, so the page is not either
    assert (
        "## BR501 export-out-of-date\n\n*Severity: error (exit 1).*\n\n"
        "A generated file (such as a Microsoft Learn export) differs from what bindref renders now.\n\n"
        "```text\nlearn/functions-bindings-openai-assistantpost-input.md:1: out of date\n```\n\n"
        "**Fix:** Run the export command named in the finding; `--diff` shows the change."
    ) in page
    assert (
        "*Severity: error (exit 3).*" in page.split("## BR002")[0]
    )  # BR001: a definition that cannot be read
