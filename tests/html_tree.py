"""A tiny HTML reader for site tests: where elements sit relative to Material's tabs."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    classes: tuple[str, ...]
    attrs: dict[str, str]
    parent: Element | None
    children: list[Element] = field(default_factory=list)
    content: list[Element | str] = field(default_factory=list)  # text and children, in order

    def ancestors(self) -> list[Element]:
        found, node = [], self.parent
        while node is not None:
            found.append(node)
            node = node.parent
        return found

    def inside(self, css_class: str) -> bool:
        return any(css_class in a.classes for a in self.ancestors())

    def all_text(self) -> str:
        return "".join(part if isinstance(part, str) else part.all_text() for part in self.content)

    def find_all(self, tag: str | None = None, css_class: str | None = None) -> list[Element]:
        matches = []
        for child in self.children:
            if (tag is None or child.tag == tag) and (css_class is None or css_class in child.classes):
                matches.append(child)
            matches.extend(child.find_all(tag, css_class))
        return matches


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", (), {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        element = Element(tag, tuple(values.get("class", "").split()), values, self.current)
        self.current.children.append(element)
        self.current.content.append(element)
        if tag not in _VOID:
            self.current = element

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.content.append(data)


def parse_html(text: str) -> Element:
    builder = _Builder()
    builder.feed(text)
    return builder.root


def tab_labels(tabbed_set: Element) -> list[str]:
    """The labels of one tab set's own tabs (not of nested sets)."""
    labels = next(c for c in tabbed_set.children if "tabbed-labels" in c.classes)
    return [label.all_text().strip() for label in labels.children if label.tag == "label"]


def tab_blocks(tabbed_set: Element) -> dict[str, Element]:
    """One tab set's own tabs: label -> the block shown when that label is selected."""
    content = next(c for c in tabbed_set.children if "tabbed-content" in c.classes)
    blocks = [c for c in content.children if "tabbed-block" in c.classes]
    labels = tab_labels(tabbed_set)
    assert len(labels) == len(blocks), (labels, len(blocks))
    return dict(zip(labels, blocks, strict=True))


def first_column(table: Element) -> list[str]:
    """The text of each body row's first cell."""
    rows = [row.find_all("td") for row in table.find_all("tr")]
    return [cells[0].all_text().strip() for cells in rows if cells]
