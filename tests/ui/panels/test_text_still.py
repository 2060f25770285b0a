"""A text panel with a still: beside the text where the display has room for
both, above it where it does not, on the page grid either way."""

from __future__ import annotations

import pytest
import yaml
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QFont, QFontMetrics

from tests.helpers.exhibits import make_context, make_exhibit, png_bytes, with_gestures

RED = (200, 30, 30)
BODY = {
    "en": "No film crew went to orbit. The astronauts did the filming themselves during their "
          "six-month mission.\n\nDirector Zhu Yiran turned their footage into a 90-minute film.",
    "zh": "轨道上没有专业摄制组。三位航天员在半年的飞行任务中亲自担任摄影师。"
          "\n\n导演以这些影像为素材创作出一部90分钟的电影。",
    "ru": "Съёмочная группа на орбиту не летала. Снимали сами космонавты во время полугодового "
          "полёта.\n\nРежиссёр превратил этот материал в 90-минутный фильм.",
}
CAPTION = {"en": "The crew filmed their own six months in orbit",
           "zh": "乘组亲自记录了在轨六个月的生活", "ru": "Экипаж сам снимал свои полгода на орбите"}
CREDIT = {"en": "Illustration: Exhibit Kiosk", "zh": "插画：Exhibit Kiosk", "ru": "Иллюстрация: Exhibit Kiosk"}
HEADING = {"en": "Filmed by the astronauts", "zh": "航天员亲自掌镜", "ru": "Сняли сами космонавты"}
EXHIBIT = {
    "schema": 1, "id": "pictures", "languages": ["en", "zh", "ru"], "title": "Pictures",
    "tile": "tile.png",
    "panels": [
        {"type": "text", "heading": HEADING, "body": BODY,
         "still": {"file": "big.png", "caption": CAPTION, "credit": CREDIT, "alt": "Red"}},
        {"type": "text", "heading": HEADING, "body": BODY,
         "still": {"file": "small.png", "caption": CAPTION}},
        {"type": "text", "heading": HEADING, "body": BODY},
        {"type": "text", "heading": HEADING, "body": BODY,
         "still": {"file": "tall.png", "caption": CAPTION, "credit": CREDIT}},
    ],
}
BIG_STILL, SMALL_STILL, NO_STILL, TALL_STILL = range(4)
BESIDE = [((1920, 1080), 24.0, 110), ((1920, 1080), 55.0, 250), ((3840, 2160), 55.0, 250)]
"""Displays with room for a still beside the text, and the still's least width in mm there."""


@pytest.fixture(scope="module")
def exhibit_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("exhibits")
    folder = make_exhibit(root, "pictures", yaml.safe_dump(EXHIBIT, allow_unicode=True),
                          images=("tile.png", "big.png", "small.png", "tall.png")).parent
    (folder / "big.png").write_bytes(png_bytes(2400, 1350, RED))
    (folder / "small.png").write_bytes(png_bytes(320, 180, (30, 30, 200)))
    (folder / "tall.png").write_bytes(png_bytes(700, 1600, RED))
    return root


@pytest.fixture
def panel(qapp, qtbot, exhibit_root):
    """Panel `index` shown as on a display of `size` and `diagonal`, less the running head and bar."""
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.panels.text import TextPanelView
    from kiosk.ui.style import stylesheet

    def show(index: int, size=(1920, 1080), diagonal=55.0):
        load_bundled_fonts()
        ctx = make_context([exhibit_root], size=size, diagonal=diagonal)
        assert ctx.catalog.exhibits, ctx.catalog.problems
        qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
        view = TextPanelView(ctx, ctx.catalog.exhibits[0], index)
        with_gestures(view, ctx)
        qtbot.addWidget(view)
        view.resize(size[0], size[1] - ctx.mm(35))
        view.show()
        qtbot.waitExposed(view)
        ctx.images.wait()
        qtbot.wait(20)
        return view
    return show


def _visible(text: str) -> str:
    """The text as read: no-break spaces and word joiners keep words together, unseen."""
    return text.replace("\u00a0", " ").replace("\u2060", "")


def _rect(view, widget) -> QRect:
    return QRect(widget.mapTo(view, QPoint(0, 0)), widget.size())


def _chars_per_line(view) -> float:
    latin = QFont(view.body.font())
    latin.setFamilies(["Noto Sans"])
    return view.body.width() / QFontMetrics(latin).averageCharWidth()


def _shows_the_still(view) -> bool:
    image = view.figure.image
    centre = image.mapTo(view, image.rect().center())
    return view.grab().toImage().pixelColor(centre) == QColor(*RED)


@pytest.mark.parametrize("size, diagonal, still_mm", BESIDE, ids=["24-inch", "1080p", "4k"])
def test_a_still_sits_beside_the_text_where_the_display_has_room(panel, size, diagonal, still_mm):
    view = panel(BIG_STILL, size, diagonal)
    grid = view.ctx.grid
    body, still = _rect(view, view.body), _rect(view, view.figure.image)
    assert body.left() == _rect(view, view.heading).left() == grid.margin
    assert 45 <= _chars_per_line(view) <= 75
    assert still.left() > body.right()
    assert still.left() - grid.margin in {grid.span(n) + grid.gutter for n in range(1, grid.columns)}
    assert still.top() == body.top()
    assert still.right() < view.width() - grid.margin + 2
    assert view.ctx.metrics.to_mm(still.width()) >= still_mm
    assert _shows_the_still(view)
    caption = _rect(view, view.figure.caption)
    assert caption.top() > still.bottom() and caption.left() == still.left()


def test_a_still_goes_above_the_text_on_a_narrow_portrait_display(panel):
    view = panel(BIG_STILL, (1080, 1920), 40.0)
    grid = view.ctx.grid
    body, still = _rect(view, view.body), _rect(view, view.figure.image)
    assert still.left() == body.left() == grid.margin
    caption, credit = _rect(view, view.figure.caption), _rect(view, view.figure.credit)
    assert still.bottom() < caption.top() < credit.top() < body.top()
    assert 45 <= _chars_per_line(view) <= 75
    assert still.height() <= view.scroll_area.height() / 2 + 1   # the start of the text shows too
    assert _shows_the_still(view)


def test_a_narrow_still_above_the_text_has_its_caption_beside_it(panel):
    view = panel(TALL_STILL, (1080, 1920), 40.0)
    still, caption = _rect(view, view.figure.image), _rect(view, view.figure.caption)
    credit, body = _rect(view, view.figure.credit), _rect(view, view.body)
    assert caption.top() == still.top() and caption.left() > still.right()
    assert caption.top() < credit.top() < still.bottom() < body.top()
    assert _shows_the_still(view)


def test_a_small_still_is_never_enlarged_past_its_pixels(panel):
    view = panel(SMALL_STILL, (3840, 2160), 55.0)
    assert view.figure.image.size().toTuple() == (320, 180)


def test_the_still_and_the_text_keep_their_places_when_the_language_changes(panel):
    view = panel(BIG_STILL)
    ctx = view.ctx
    places = {}
    for language in ("en", "zh", "ru"):
        ctx.visit.set_language(language)
        view.grab()  # lays out and paints as the screen would
        places[language] = (_rect(view, view.figure.image), _rect(view, view.body).topLeft())
        assert _visible(view.figure.caption.text()) == CAPTION[language]
        assert _visible(view.figure.credit.text()) == CREDIT[language]
    assert places["en"] == places["zh"] == places["ru"]
    ctx.visit.set_language("en")
    assert view.figure.caption.text().endswith("in\u00a0orbit")   # no lone last word


def test_without_a_still_the_text_is_one_reading_column_as_before(panel):
    from kiosk.ui.layout import column_width

    view = panel(NO_STILL)
    assert view.figure is None
    assert _rect(view, view.body).left() == view.ctx.grid.margin
    assert view.body.width() == column_width(view.ctx, view.body.font())

