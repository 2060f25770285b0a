"""What the kiosk says aloud in audio mode about the place on screen: the
screen's name, then everything on it in reading order, in the visitor's language.

Plain Python from the content model, so that what a blind visitor hears is the
same text a sighted one reads, whatever the layout does with it (kiosk.ui.speech
speaks it, and the controls' own names as the visitor moves between them).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kiosk.content.loader import LoadedExhibit
from kiosk.content.schema import (
    ComparePanel,
    Exhibit,
    FactsPanel,
    GalleryPanel,
    QuotePanel,
    Still,
    TextPanel,
    TimelinePanel,
    VideoPanel,
    WipePanel,
)
from kiosk.content.text import Text, parse_markup, plain_text
from kiosk.locale import language as language_record
from kiosk.locale.strings import tr
from kiosk.visit.compare import films_of
from kiosk.visit.model import Place, Screen, Visit, stills_of
from kiosk.visit.pages import TitlePage, pages_of


def spoken_place(visit: Visit, place: Place | None = None) -> list[str]:
    """The sentences for `place` (default: the visitor's), each spoken as one utterance."""
    place, language = place or visit.place, visit.language
    if place.screen is Screen.HOME:
        return [tr("choose_film", language), *(_tile(item.exhibit, language) for item in visit.catalog.exhibits)]
    item = visit.catalog.get(place.exhibit)
    if place.screen is not Screen.EXHIBIT or item is None:
        return []
    pages = pages_of(item)
    page = pages[place.page]
    if place.still is not None:
        stills = stills_of(page)
        return _still(item.exhibit, stills[place.still], language, place.still, len(stills))
    position = tr("page", language, n=place.page + 1, total=len(pages))
    return [line for line in (*_page(item, place.page, language), position) if line]


def narration_of(visit: Visit, place: Place | None = None) -> Path | None:
    """The curator's recording of the page on screen in the visitor's language, if there is one
    (the viewer's stills have none: their descriptions are read)."""
    place = place or visit.place
    item = visit.catalog.get(place.exhibit)
    if place.screen is not Screen.EXHIBIT or item is None or place.still is not None:
        return None
    page = pages_of(item)[place.page]
    recordings = item.exhibit.narration if isinstance(page, TitlePage) else page.narration
    name = recordings.get(visit.language)
    return item.path(name) if name else None


def _tile(exhibit: Exhibit, language: str) -> str:
    return _joined(exhibit.text(exhibit.title, language), exhibit.text(exhibit.subtitle, language),
                   _tile_details(exhibit, language))


def _plain(exhibit: Exhibit, value: Text | None, language: str) -> list[str]:
    """A curator's text as paragraphs without markup (emphasis, lists)."""
    text = exhibit.text(value, language)
    return plain_text(parse_markup(text)) if text else []


def _page(item: LoadedExhibit, number: int, language: str) -> Iterator[str]:
    exhibit, page = item.exhibit, pages_of(item)[number]
    if isinstance(page, TitlePage):
        yield from _plain(exhibit, exhibit.title, language)
        yield from _plain(exhibit, exhibit.subtitle, language)
        yield from (_tile_details(exhibit, language), *_plain(exhibit, exhibit.summary, language))
        return
    yield from _plain(exhibit, getattr(page, "heading", None), language)
    if isinstance(page, ComparePanel):
        yield from _compare(item, page, number - 1, language)
    else:
        yield from PANELS[type(page)](exhibit, page, language)  # type: ignore[operator]


def _text(exhibit: Exhibit, panel: TextPanel, language: str) -> Iterator[str]:
    yield from _plain(exhibit, panel.body, language)
    if panel.still is not None:
        yield from _still_texts(exhibit, panel.still, language)


def _gallery(exhibit: Exhibit, panel: GalleryPanel, language: str) -> Iterator[str]:
    for still in panel.stills:
        yield from _still_texts(exhibit, still, language)


def _facts(exhibit: Exhibit, panel: FactsPanel, language: str) -> Iterator[str]:
    for fact in panel.facts:
        yield f"{exhibit.text(fact.label, language)}: {exhibit.text(fact.value, language)}"


def _timeline(exhibit: Exhibit, panel: TimelinePanel, language: str) -> Iterator[str]:
    dates = language_record(language)
    for event in panel.events:
        yield _joined(dates.format_date(event.date), exhibit.text(event.title, language),
                      exhibit.text(event.text, language))
        if event.still is not None:
            yield from _still_texts(exhibit, event.still, language)


def _quote(exhibit: Exhibit, panel: QuotePanel, language: str) -> Iterator[str]:
    for value in (panel.text, panel.by, panel.source):
        yield from _plain(exhibit, value, language)


def _wipe(exhibit: Exhibit, panel: WipePanel, language: str) -> Iterator[str]:
    for side in (panel.before, panel.after):
        yield _joined(exhibit.text(side.label, language), exhibit.text(side.alt, language))
    yield from _plain(exhibit, panel.caption, language)


def _video(exhibit: Exhibit, panel: VideoPanel, language: str) -> Iterator[str]:
    yield from _still_alt(exhibit, panel.poster.alt, language)
    yield from _plain(exhibit, panel.credit, language)


PANELS = {TextPanel: _text, GalleryPanel: _gallery, FactsPanel: _facts, TimelinePanel: _timeline,
          QuotePanel: _quote, WipePanel: _wipe, VideoPanel: _video}
"""What each type of panel says after its heading (compare needs its other exhibit)."""


def _joined(*parts: str) -> str:
    return ". ".join(part for part in parts if part)


def _tile_details(exhibit: Exhibit, language: str) -> str:
    return _joined(str(exhibit.year or ""), exhibit.text(exhibit.country, language))


def _still_alt(exhibit: Exhibit, alt: Text | None, language: str) -> list[str]:
    text = exhibit.text(alt, language)
    return [tr("picture_of", language, alt=text)] if text else []


def _still_texts(exhibit: Exhibit, still: Still, language: str) -> list[str]:
    return [*_still_alt(exhibit, still.alt, language), *_plain(exhibit, still.caption, language)]


def _still(exhibit: Exhibit, still: Still, language: str, index: int, total: int) -> list[str]:
    return [*_still_texts(exhibit, still, language), *_plain(exhibit, still.credit, language),
            tr("still_count", language, n=index + 1, total=total)]


def _compare(item: LoadedExhibit, panel: ComparePanel, index: int, language: str) -> Iterator[str]:
    """Each row: its label (this exhibit's), then each side's title and value."""
    films = films_of(item, index)
    for key in panel.rows:
        label = next((film.text(film.facts[key].label, language) for film in films if key in film.facts), key)
        yield f"{label}. " + "; ".join(
            f"{film.text(film.title, language)}: "
            f"{film.text(film.facts[key].value, language) if key in film.facts else tr('no_value', language)}"
            for film in films)
