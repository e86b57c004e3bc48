"""A check's pages and samples taken in parts, by any process, give the findings of one pass.

The CLI shares the page renders and sample judgements out between processes as they go
(``bindref.check.run``), so which process took which part differs from run to run. Each
case here cuts the work in other parts and puts them back in order: the findings must be
those of one pass, including the rule that a broken region shown on several pages is
reported once (for the first page).
"""

from __future__ import annotations

import pytest

from bindref.check.context import CheckContext, CheckOptions
from bindref.check.findings import Finding
from bindref.check.pages import PageWork
from bindref.check.samples import SampleWork
from conftest import WIDGET_PAGE, WIDGET_SAMPLES, ProjectFactory

# Three pages show the widget, whose C# region is broken: one BR002, not three. A page has a
# placeholder (always its own finding), and two samples pass an argument nobody defines.
FILES = {
    "docs/a.md": WIDGET_PAGE + "\n{{To be added}}\n",
    "docs/b.md": WIDGET_PAGE,
    "docs/c.md": WIDGET_PAGE,
    "samples/widgets/Widget.cs": WIDGET_SAMPLES["samples/widgets/Widget.cs"].replace("// </widget>", ""),
    "samples/widgets/widget.js": WIDGET_SAMPLES["samples/widgets/widget.js"].replace(
        "widgetId: '{id}'", "widgetId: '{id}', colour: 'red'"
    ),
    "samples/widgets/other.js": WIDGET_SAMPLES["samples/widgets/widget.js"].replace(
        "widgetId: '{id}'", "widgetId: '{id}', shade: 'dark'"
    ),
}


def _parts(count: int, cut: str) -> list[range]:
    if cut == "whole":
        return [range(count)]
    if cut == "one by one":
        return [range(index, index + 1) for index in range(count)]
    return [range(0, 1), range(1, count)]  # "first alone"


def _rendered(findings: list[Finding]) -> list[str]:
    return [finding.render() for finding in findings]


@pytest.fixture
def context(make_project: ProjectFactory) -> CheckContext:
    project = make_project(FILES)
    return CheckContext(project=project, catalog=project.catalog(), options=CheckOptions())


@pytest.mark.parametrize("cut", ["one by one", "first alone"])
def test_pages_in_parts_give_the_findings_of_one_pass(context: CheckContext, cut: str) -> None:
    work = PageWork(context)
    whole = _rendered(work.outcome([work.render(part) for part in _parts(len(work), "whole")]))
    assert sum("BR002" in line for line in whole) == 1  # the broken region, once
    assert any("BR102" in line for line in whole)
    in_parts = [work.render(part) for part in reversed(_parts(len(work), cut))]  # made in any order
    assert _rendered(work.outcome(reversed(in_parts))) == whole  # put back in page order


@pytest.mark.parametrize("cut", ["one by one", "first alone"])
def test_samples_in_parts_give_the_findings_of_one_pass(context: CheckContext, cut: str) -> None:
    work = SampleWork(context)
    whole = _rendered(work.outcome([work.judge(part) for part in _parts(len(work), "whole")]))
    assert sum("BR30" in line for line in whole) >= 2  # both samples' unknown arguments
    assert _rendered(work.outcome([work.judge(part) for part in _parts(len(work), cut)])) == whole
