"""The two sides of a compare panel, in plain Python: this exhibit and the
other one (an exhibit of the catalog, or an item the curator described inline),
each with its facts by key. The panel's view draws them; audio mode reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import ComparePanel, Exhibit, Fact, Image, InlineItem
from kiosk.content.text import Text


@dataclass(frozen=True)
class Film:
    """One side of the comparison. `texts_of` is the exhibit whose languages
    its texts follow; `folder` resolves its tile's file."""

    texts_of: Exhibit
    folder: LoadedExhibit
    title: Text
    year: int | None
    country: Text | None
    tile: Image | None
    facts: dict[str, Fact]

    @classmethod
    def of_exhibit(cls, item: LoadedExhibit) -> Film:
        e = item.exhibit
        return cls(e, item, e.title, e.year, e.country, e.tile, e.facts_by_key())

    @classmethod
    def inline(cls, other: InlineItem, owner: LoadedExhibit) -> Film:
        facts = {fact.key: fact for fact in other.facts if fact.key}
        return cls(owner.exhibit, owner, other.title, other.year, other.country, other.tile, facts)

    def text(self, value: Text | None, language: str) -> str:
        return self.texts_of.text(value, language)

    @property
    def tile_path(self) -> Path | None:
        return self.folder.path(self.tile.file) if self.tile else None


def bar_shares(key: str, films: Sequence[Film]) -> list[float] | None:
    """Each side's amount as a share of the larger one, when both facts carry a
    quantity in the same unit; None (plain values) otherwise, as for a compared
    exhibit whose fact the content checks could not see."""
    quantities = [film.facts[key].quantity if key in film.facts else None for film in films]
    if any(q is None for q in quantities) or len({q.unit for q in quantities if q}) != 1:
        return None
    amounts = [q.amount for q in quantities if q]
    largest = max(amounts)
    return [amount / largest if largest else 0.0 for amount in amounts]


def films_of(item: LoadedExhibit, index: int) -> tuple[Film, Film]:
    """This exhibit and what its compare panel at `index` (of `panels`) is compared with."""
    panel = item.exhibit.panels[index]
    assert isinstance(panel, ComparePanel)
    other = panel.other
    return (Film.of_exhibit(item),
            Film.inline(other, item) if not isinstance(other, str) else Film.of_exhibit(item.compared[index]))
