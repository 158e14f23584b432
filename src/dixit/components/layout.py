"""Title and outlet: the first line of an article, "TITLE — OUTLET"."""

from __future__ import annotations

import re

from dixit.components import component
from dixit.components.context import Context

# The outlet follows an em dash (or " | ") at the end of the title line; an en dash inside
# the title is a headline attribution ("CLAIM – SPEAKER") and stays in the title.
_OUTLET = re.compile(r"\s+(?:—|\|)\s+(?P<outlet>[^—|]{2,80})$")


def split_title(first_line: str) -> tuple[str, str | None]:
    m = _OUTLET.search(first_line)
    if not m:
        return first_line.strip(), None
    return first_line[: m.start()].strip(), m.group("outlet").strip()


@component("layout")
def layout(ctx: Context) -> None:
    art = ctx.article
    first = art.text.split("\n", 1)[0]
    if "\n" not in art.text:
        return  # a single paragraph has no title line
    title, outlet = split_title(first)
    art.title = art.title or title
    art.outlet = art.outlet or outlet
