"""The reading panels: text, facts, quote and timeline, as a visitor sees and
touches them."""

from __future__ import annotations

import pytest
import yaml
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QLabel

from kiosk.content.schema import PartialDate
from kiosk.ui.gestures import handler_of
from tests.helpers.exhibits import make_context, make_exhibit, with_gestures
from tests.helpers.touch import drag

PAGE = (1920, 1025)
"""A 1080p window less the pager's bottom bar."""

PARAGRAPH = {
    "en": "Paragraph {n}: the crew filmed Earth through the window, day after day.",
    "zh": "第{n}段：乘组日复一日地透过舷窗拍摄地球。",
    "ru": "Абзац {n}: экипаж день за днём снимал Землю через иллюминатор.",
}


def _body(paragraphs: int) -> dict[str, str]:
    return {lang: "\n\n".join(text.format(n=n) for n in range(1, paragraphs + 1))
            + "\n\n- *first* item\n- **second** item <b>"
            for lang, text in PARAGRAPH.items()}


def _events(count: int) -> list[dict]:
    return [{"date": f"{2000 + n}-0{1 + n % 9}", "title": {"en": f"Event {n}", "zh": f"事件{n}",
                                                           "ru": f"Событие {n}"},
             "text": {"en": "Something happened.", "zh": "发生了一件事。", "ru": "Что-то случилось."}}
            for n in range(count)]


FACTS = [
    {"label": {"en": "Runtime", "zh": "片长", "ru": "Продолжительность"},
     "value": {"en": "90 minutes", "zh": "90分钟", "ru": "90 минут"},
     "source": {"en": "Premiere report", "zh": "首映报道", "ru": "Репортаж о премьере"}},
    {"label": {"en": "Camera", "zh": "摄影机", "ru": "Камера"},
     "value": {"en": "8K cameras", "zh": "8K摄影机", "ru": "Камеры 8K"}},
]

EXHIBIT = {
    "schema": 1, "id": "reading", "languages": ["en", "zh", "ru"],
    "title": "Reading panels", "tile": "tile.png",
    "panels": [
        {"type": "text", "heading": {"en": "Short", "zh": "短文", "ru": "Коротко"},
         "body": _body(2)},
        {"type": "text", "heading": "Long", "body": _body(40)},
        {"type": "timeline", "heading": "Many events", "events": _events(12)},
        {"type": "timeline", "heading": "Few events", "events": _events(3)},
        {"type": "facts", "heading": "Facts", "facts": FACTS},
        {"type": "quote", "by": {"en": "Wang Yaping", "zh": "王亚平", "ru": "Ван Япин"},
         "text": {"en": "We called it “home”", "zh": "我们叫它“家”", "ru": "Мы звали её «домом»"},
         "source": "Interview"},
    ],
}
SHORT_TEXT, LONG_TEXT, LONG_TIMELINE, SHORT_TIMELINE, FACTS_PANEL, QUOTE = range(6)


@pytest.fixture
def reading(qapp, exhibits_root):
    """A context on one exhibit holding every reading panel, long and short."""
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet

    load_bundled_fonts()
    make_exhibit(exhibits_root, "reading", yaml.safe_dump(EXHIBIT, allow_unicode=True))
    context = make_context([exhibits_root])
    assert context.catalog.exhibits, context.catalog.problems
    qapp.setStyleSheet(stylesheet(context.theme, context.metrics))
    return context


def _view(qtbot, ctx, index: int, item=None, size=PAGE):
    from kiosk.ui.panels.facts import FactsPanelView
    from kiosk.ui.panels.quote import QuotePanelView
    from kiosk.ui.panels.text import TextPanelView
    from kiosk.ui.panels.timeline import TimelinePanelView

    views = {"text": TextPanelView, "facts": FactsPanelView, "quote": QuotePanelView,
             "timeline": TimelinePanelView}
    item = item or ctx.catalog.exhibits[0]
    panel = item.exhibit.panels[index]
    view = views[panel.type](ctx, item, index)
    with_gestures(view, ctx)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view


def _drag_across(widget, start: QPoint, end: QPoint) -> None:
    """A finger drag over `widget`, sent to its window: QTest gives a child widget's
    touch points no window, and Qt then drops those that fall outside the offscreen
    screen (800x800), which a 1920-pixel page does."""
    window = widget.window()
    drag(window, widget.mapTo(window, start), widget.mapTo(window, end))


def _visible_texts(view) -> list[str]:
    return [label.text() for label in view.findChildren(QLabel) if label.isVisibleTo(view)]


def test_text_panel_shows_the_body_in_the_visitors_language(qtbot, reading):
    view = _view(qtbot, reading, SHORT_TEXT)
    assert "the crew filmed Earth" in view.body.text()
    assert view.heading.text() == "Short"

    reading.visit.set_language("zh")

    assert "乘组日复一日" in view.body.text()
    assert "the crew filmed Earth" not in view.body.text()
    assert view.heading.text() == "短文"


def test_text_markup_becomes_rich_text_with_literal_angle_brackets(qtbot, reading):
    view = _view(qtbot, reading, SHORT_TEXT)
    body = view.body.text()
    assert "<i>first</i>" in body
    assert "<b>second</b>" in body
    assert "&lt;b&gt;" in body  # curator text is never read as markup
    assert body.count("•") == 2


def test_touch_drag_up_scrolls_a_long_text_and_reset_returns_to_the_top(qtbot, reading):
    view = _view(qtbot, reading, LONG_TEXT)
    bar = view.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    viewport = view.scroll_area.viewport()
    centre = viewport.rect().center()

    _drag_across(viewport, centre + QPoint(0, 300), centre - QPoint(0, 300))
    qtbot.waitUntil(lambda: bar.value() > 0)

    view.reset()
    qtbot.wait(100)  # no momentum left over
    assert bar.value() == 0


def test_short_text_does_not_scroll_keeps_a_readable_line_length_and_starts_on_the_grid(qtbot, reading):
    from PySide6.QtGui import QFontMetrics

    view = _view(qtbot, reading, SHORT_TEXT)
    assert view.scroll_area.verticalScrollBar().maximum() == 0
    chars_per_line = view.body.width() / QFontMetrics(view.body.font()).averageCharWidth()
    assert 40 <= chars_per_line <= 60
    assert view.body.mapTo(view, QPoint(0, 0)).x() == view.heading.mapTo(view, QPoint(0, 0)).x() \
        == view.ctx.grid.margin


def test_timeline_touch_drag_left_scrolls_along_the_line_with_a_cue_not_a_scroll_bar(qtbot, reading):
    view = _view(qtbot, reading, LONG_TIMELINE)
    bar = view.scroll_area.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    cues = view.scroll_area.cues
    assert not bar.isVisible() and cues.more.isVisible() and cues.after
    viewport = view.scroll_area.viewport()
    centre = viewport.rect().center()
    assert handler_of(view.scroll_area).claims(QPointF(-50, 0))  # not the pager's

    _drag_across(viewport, centre + QPoint(400, 0), centre - QPoint(400, 0))
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert cues.before, "the start now fades out too"

    view.reset()
    qtbot.wait(100)  # no momentum left over
    assert bar.value() == 0


def test_timeline_centres_events_that_all_fit(qtbot, reading):
    view = _view(qtbot, reading, SHORT_TIMELINE)
    assert view.scroll_area.horizontalScrollBar().maximum() == 0
    first, last = view.cards[0].frame, view.cards[-1].frame
    left = first.mapTo(view, QPoint(0, 0)).x()
    right = view.width() - last.mapTo(view, QPoint(last.width(), 0)).x()
    assert left > view.width() * 0.1  # centred, not stretched edge to edge
    assert abs(left - right) <= 2


def test_timeline_dates_follow_the_language(qtbot, reading):
    view = _view(qtbot, reading, SHORT_TIMELINE)
    assert view.cards[0].date.text() == "January 2000"
    reading.visit.set_language("ru")
    assert view.cards[0].date.text() == "январь 2000"
    assert view.cards[0].title.text() == "Событие 0"


@pytest.mark.parametrize("date, language, expected", [
    (PartialDate(2021, 10, 5), "en", "5 October 2021"),
    (PartialDate(2021, 10), "en", "October 2021"),
    (PartialDate(2021), "en", "2021"),
    (PartialDate(2021, 10, 5), "zh", "2021年10月5日"),
    (PartialDate(2021, 10), "zh", "2021年10月"),
    (PartialDate(2021), "zh", "2021年"),
    (PartialDate(2021, 10, 5), "ru", "5 октября 2021"),
    (PartialDate(2021, 10), "ru", "октябрь 2021"),
    (PartialDate(2021), "ru", "2021"),
    (PartialDate(2022, 3, 8), "ru", "8 марта 2022"),
    (PartialDate(2022, 5, 1), "fr", "1 May 2022"),
])
def test_format_date(date, language, expected):
    from kiosk.locale import language as language_record

    assert language_record(language).format_date(date) == expected


@pytest.mark.parametrize("language, expected", [
    ("en", "“We called it ‘home’”"),
    ("zh", "“我们叫它‘家’”"),
    ("ru", "«Мы звали её „домом“»"),
])
def test_quote_uses_the_languages_quotation_marks(qtbot, reading, language, expected):
    view = _view(qtbot, reading, QUOTE)
    reading.visit.set_language(language)
    assert view.quote.text() == expected
    assert view.by.text().endswith({"en": "Wang Yaping", "zh": "王亚平", "ru": "Ван Япин"}[language])


def test_facts_show_every_label_value_and_source(qtbot, reading):
    view = _view(qtbot, reading, FACTS_PANEL)
    for language in ("en", "ru"):
        reading.visit.set_language(language)
        texts = _visible_texts(view)
        for fact in FACTS:
            assert fact["label"][language] in texts
            assert fact["value"][language] in texts
    assert "Источник: Репортаж о премьере" in texts
    assert not any(text.startswith("Источник") and "Камер" in text for text in texts)
    assert sum(text.startswith("Источник") for text in texts) == 1


def _clipped_labels(view) -> list[str]:
    """Labels shown shorter than their wrapped text needs, or sticking out of their
    container (content in a scroll area may lie outside the page: it scrolls)."""
    clipped = []
    for label in view.findChildren(QLabel):
        if not label.isVisibleTo(view) or not label.text():
            continue
        needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        if label.height() < needed or not label.parentWidget().rect().contains(label.geometry()):
            clipped.append(label.text()[:40])
    return clipped


def _assert_reading_panels_fit(qtbot, qapp, roots, screen) -> None:
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet

    load_bundled_fonts()
    ctx = make_context(roots, size=screen)
    panels = [(item, index) for item in ctx.catalog.exhibits
              for index, panel in enumerate(item.exhibit.panels)
              if panel.type in ("text", "facts", "quote", "timeline")]
    assert panels, "no reading panels loaded"
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    page = (screen[0], screen[1] - ctx.mm(35))
    for item, index in panels:
        view = _view(qtbot, ctx, index, item, page)
        for language in ("en", "zh", "ru"):
            ctx.visit.set_language(language)
            qtbot.wait(20)  # nested layouts settle over a few event loop passes
            assert _clipped_labels(view) == [], (item.id, index, language)
        ctx.visit.set_language("en")


SCREENS = pytest.mark.parametrize("screen", [(1920, 1080), (3840, 2160)])


@SCREENS
def test_reading_panels_fit_in_every_language(qtbot, qapp, reading, exhibits_root, screen):
    """Russian runs about 30% longer than English: nothing may be cut off at either size."""
    _assert_reading_panels_fit(qtbot, qapp, [exhibits_root], screen)


@SCREENS
def test_bundled_reading_panels_fit_in_every_language(qtbot, qapp, screen):
    _assert_reading_panels_fit(qtbot, qapp, None, screen)
