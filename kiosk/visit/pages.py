"""The pages of an exhibit: its title page, then its panels, in order.

An exhibit opens on its film (title, credits, the list of chapters); the
curator's panels follow as chapters. The title page is not in the YAML: it is
made from the exhibit's own fields, so every exhibit has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kiosk.content.loader import Catalog, LoadedExhibit
from kiosk.content.schema import Panel


@dataclass(frozen=True)
class TitlePage:
    type: Literal["title"] = "title"


TITLE_PAGE = TitlePage()
Page = TitlePage | Panel


def pages_of(item: LoadedExhibit) -> list[Page]:
    return [TITLE_PAGE, *item.exhibit.panels]


def panel_index(page: int) -> int | None:
    """The panel a page shows (its index in the YAML's `panels`), None for the title page."""
    return page - 1 if page > 0 else None


def page_of_panel(index: int) -> int:
    return index + 1


def next_exhibit(catalog: Catalog, exhibit_id: str | None) -> LoadedExhibit | None:
    """The exhibit after this one on the home screen (the first after the
    last); None when there is no other."""
    ids = [item.id for item in catalog.exhibits]
    if exhibit_id not in ids or len(ids) < 2:
        return None
    return catalog.exhibits[(ids.index(exhibit_id) + 1) % len(ids)]
