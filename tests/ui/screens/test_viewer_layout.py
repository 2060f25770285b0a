"""The still viewer's bar and caption strip, as a visitor sees and taps them
on the displays museums use: nothing moves or is cut whatever the still and
the language, and a caption too long for its strip opens whole."""

from __future__ import annotations

import dataclasses

import pytest
import yaml
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QStyle, QStyleOptionButton

from tests.helpers.exhibits import make_context, make_exhibit, png_bytes
from tests.helpers.touch import centre_in, tap

LONG = {
    "en": "Dawn over the Earth's rim: daylit clouds on one side, city lights on the other. "
          "Like one 8K frame, this illustration is 7,680 by 4,320 pixels. Zoom in to explore "
          "the detail, from the station at top left to the lights of the cities below.",
    "zh": "地球边缘的黎明：一边是白昼的云层，一边是夜晚的城市灯火。这幅插画和一帧8K画面一样大，"
          "有7680×4320像素。放大看看细节吧，从左上方的空间站到下方城市的灯光，每一处都值得细看。"
          "航天员在轨道上每天能看到十六次日出。",
    "ru": "Рассвет над краем Земли: с одной стороны облака в дневном свете, с другой — огни "
          "ночных городов. Как и кадр 8K, эта иллюстрация имеет размер 7680 на 4320 пикселей. "
          "Увеличьте её, чтобы рассмотреть детали, от станции вверху слева до огней городов внизу.",
}
ENDLESS = {language: " ".join([text] * 40) for language, text in LONG.items()}
"""Longer than the room above the bar on any display: the sheet scrolls."""
SHORT = {"en": "A short caption", "zh": "简短的说明", "ru": "Короткая подпись"}
CREDIT = {"en": "Illustration: Exhibit Kiosk", "zh": "插画：Exhibit Kiosk",
          "ru": "Иллюстрация: Exhibit Kiosk"}
LANGUAGES = ("en", "zh", "ru")
SHORT_STILL, LONG_STILL, BARE_STILL, ENDLESS_STILL = range(4)
EXHIBIT = {
    "schema": 1, "id": "captions", "title": "Captions", "languages": list(LANGUAGES),
    "tile": "s/0.png",
    "panels": [{"type": "gallery", "stills": [
        {"file": "s/0.png", "caption": SHORT, "credit": CREDIT},
        {"file": "s/1.png", "caption": LONG, "credit": CREDIT},
        {"file": "s/2.png"},
        {"file": "s/3.png", "caption": ENDLESS, "credit": CREDIT},
    ]}],
}
DISPLAYS = pytest.mark.parametrize("size, diagonal", [
    ((1920, 1080), 55.0), ((1920, 1080), 24.0), ((3840, 2160), 55.0)],
    ids=["1080p-55in", "1080p-24in", "4k-55in"])


def _visible(text: str) -> str:
    """The text as read: no-break spaces and word joiners keep words together, unseen."""
    return text.replace("\u00a0", " ").replace("\u2060", "")


@pytest.fixture(scope="module")
def exhibit_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("exhibits")
    folder = make_exhibit(root, "captions", yaml.safe_dump(EXHIBIT, allow_unicode=True),
                          images=tuple(f"s/{i}.png" for i in range(4))).parent
    for i in range(4):
        (folder / f"s/{i}.png").write_bytes(png_bytes(640, 360, (40 + 50 * i, 90, 160)))
    return root


@pytest.fixture
def open_viewer(qapp, qtbot, exhibit_root):
    """A kiosk window on a display of `size` and `diagonal`, its viewer open on still 0."""
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet
    from kiosk.ui.theme import Theme
    from kiosk.ui.window import KioskWindow

    def opener(size=(1920, 1080), diagonal=55.0):
        load_bundled_fonts()
        theme = Theme(motion=dataclasses.replace(Theme().motion, reduced=True))
        ctx = make_context([exhibit_root], size=size, diagonal=diagonal, theme=theme)
        assert ctx.catalog.exhibits, ctx.catalog.problems
        qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
        window = KioskWindow(ctx, size[0])
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        ctx.visit.show("captions", 1)
        ctx.visit.open_still(0)
        assert window.viewer is not None
        return window, window.viewer
    return opener


def _tap(window, widget) -> None:
    tap(window, centre_in(window, widget))


def _geometry(viewer) -> dict[str, QRect]:
    """Where everything the visitor touches or reads around the still is, in the viewer."""
    widgets = {"bar": viewer.bar, "strip": viewer.strip, "stage": viewer.stage,
               "caption": viewer.caption, "credit": viewer.credit, "more": viewer.strip.more,
               "close": viewer.close_button, "zoom out": viewer.zoom_out, "zoom in": viewer.zoom_in,
               "previous": viewer.previous, "counter": viewer.counter, "next": viewer.next,
               **{f"language {code}": button for code, button in viewer.languages.buttons.items()}}
    return {name: QRect(widget.mapTo(viewer, QPoint(0, 0)), widget.size())
            for name, widget in widgets.items()}


@DISPLAYS
def test_bar_and_buttons_stay_put_for_every_still_and_language(open_viewer, size, diagonal):
    window, viewer = open_viewer(size, diagonal)
    first = _geometry(viewer)
    seen = []
    for language in LANGUAGES:
        _tap(window, viewer.languages.buttons[language])   # a switch inside the viewer...
        assert viewer.ctx.language == language
        seen.append((language, viewer.index, _geometry(viewer)))
        while viewer.next.isEnabled():                      # ...then on through the stills
            _tap(window, viewer.next)
            seen.append((language, viewer.index, _geometry(viewer)))
        viewer.ctx.visit.open_still(0)
    assert {index for _, index, _ in seen} == {SHORT_STILL, LONG_STILL, BARE_STILL, ENDLESS_STILL}
    for language, index, geometry in seen:
        assert geometry == first, (language, index)
    bar = first["bar"]
    assert bar.bottom() == viewer.height() - 1 and first["strip"].bottom() < bar.top()


def _content_width(button: QPushButton) -> int:
    """The width inside the button's border and padding, where its icon and text go."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    return button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button).width()


def _needed_width(button: QPushButton) -> int:
    text = button.fontMetrics().horizontalAdvance(button.text())
    icon = button.iconSize().width() + 4 if not button.icon().isNull() and button.text() else 0
    return text + icon


def _cut_texts(viewer) -> list[str]:
    cut = [f"{button.accessibleName()!r}: {_needed_width(button)} > {_content_width(button)}"
           for button in viewer.findChildren(QPushButton)
           if button.isVisibleTo(viewer) and _needed_width(button) > _content_width(button)]
    for label in viewer.findChildren(QLabel):
        if not label.isVisibleTo(viewer) or not label.text():
            continue
        if label.wordWrap() and label.heightForWidth(label.width()) > label.height():
            cut.append(f"{label.text()!r}: wraps into more lines than it has room for")
        if label.wordWrap() and label not in (viewer.caption, viewer.credit):
            continue  # the strip's lines are laid out by the viewer: each must fit as it is
        metrics = label.fontMetrics()
        cut += [line for line in label.text().split("\n")
                if metrics.horizontalAdvance(line) > label.contentsRect().width()]
    return cut


@DISPLAYS
def test_no_button_or_line_is_cut_in_any_language(open_viewer, size, diagonal):
    window, viewer = open_viewer(size, diagonal)
    problems = []
    for language in LANGUAGES:
        _tap(window, viewer.languages.buttons[language])
        for index in (SHORT_STILL, LONG_STILL):
            viewer.ctx.visit.open_still(index)
            problems += [f"{language} still {index}: {cut}" for cut in _cut_texts(viewer)]
        viewer.strip.opened.emit()
        problems += [f"{language} sheet: {cut}" for cut in _cut_texts(viewer)]
        viewer.sheet.hide()
    assert not problems, "\n".join(problems)


@DISPLAYS
def test_a_long_caption_ends_in_an_ellipsis_and_a_tap_opens_it_whole(open_viewer, size, diagonal):
    window, viewer = open_viewer(size, diagonal)
    ctx = viewer.ctx
    for language in LANGUAGES:
        ctx.visit.set_language(language)
        ctx.visit.open_still(LONG_STILL)
        lines = viewer.caption.text().split("\n")
        assert len(lines) == 2 and lines[1].endswith("…"), (language, lines)
        assert LONG[language].startswith(_visible(lines[0]))
        assert viewer.strip.more.isVisible()
        assert ctx.metrics.to_mm(viewer.strip.more.height()) >= 20
        _tap(window, viewer.caption)
        assert viewer.sheet.is_open, language
        assert _visible(viewer.sheet.caption.text()) == LONG[language]
        assert _visible(viewer.sheet.credit.text()) == CREDIT[language]
        _tap(window, viewer.sheet.close_button)
        assert not viewer.sheet.is_open
        _tap(window, viewer.strip.more)
        assert viewer.sheet.is_open
        _tap(window, viewer.stage)   # outside the card
        assert not viewer.sheet.is_open and viewer.index == LONG_STILL


def test_a_caption_that_fits_is_whole_and_not_a_target(open_viewer):
    window, viewer = open_viewer()
    for language in LANGUAGES:
        viewer.ctx.visit.set_language(language)
        assert _visible(viewer.caption.text()) == SHORT[language]
        assert viewer.credit.text() == CREDIT[language]
        assert not viewer.strip.more.isVisible()
        _tap(window, viewer.caption)
        assert not viewer.sheet.is_open


def test_the_sheet_follows_a_language_switch_made_while_it_is_open(open_viewer):
    window, viewer = open_viewer()
    viewer.ctx.visit.open_still(LONG_STILL)
    _tap(window, viewer.strip.more)
    card = viewer.sheet.card
    for language in ("zh", "ru", "en"):
        _tap(window, viewer.languages.buttons[language])
        assert viewer.sheet.is_open, language
        assert _visible(viewer.sheet.caption.text()) == LONG[language]
        assert viewer.caption.text().split("\n")[0] in viewer.sheet.caption.text()
        bottom = card.mapTo(viewer, QPoint(0, card.height()))
        assert viewer.sheet.caption.isVisibleTo(viewer)
        assert bottom.y() <= viewer.strip.mapTo(viewer, QPoint(0, viewer.strip.height())).y()


def test_a_caption_longer_than_the_screen_scrolls_in_its_sheet(open_viewer, qtbot):
    window, viewer = open_viewer()
    viewer.ctx.visit.open_still(ENDLESS_STILL)
    _tap(window, viewer.strip.more)
    bar = viewer.sheet.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    card_top = viewer.sheet.card.mapTo(viewer, QPoint(0, 0)).y()
    assert card_top >= viewer.ctx.grid.top
    assert viewer.sheet.scroll_area.cues.more.isVisible()


def test_moving_on_or_escape_closes_the_sheet(open_viewer):
    window, viewer = open_viewer()
    viewer.ctx.visit.open_still(LONG_STILL)
    viewer.strip.opened.emit()
    QTest.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.sheet.is_open and window.viewer is viewer   # the sheet first, not the viewer
    viewer.strip.opened.emit()
    _tap(window, viewer.next)
    assert viewer.index == BARE_STILL and not viewer.sheet.is_open
    assert viewer.caption.text() == "" and not viewer.strip.more.isVisible()


@pytest.mark.parametrize("language, text", [(language, LONG[language]) for language in LANGUAGES])
def test_elided_lines_keep_the_text_in_order_and_fit(qapp, language, text):
    from PySide6.QtGui import QFontMetrics

    from kiosk.ui.fonts import kiosk_font, load_bundled_fonts
    from kiosk.ui.lines import elide_lines
    from kiosk.ui.screens.viewer.measure import language_font

    load_bundled_fonts()
    font = language_font(kiosk_font(30), language)
    width = QFontMetrics(font).horizontalAdvance(text) // 4
    lines, cut = elide_lines(text, font, width, 2)
    assert cut and len(lines) == 2 and lines[1].endswith("…")
    joiner = "" if language == "zh" else " "
    assert text.startswith(joiner.join([lines[0], lines[1][:-1]]))
    assert all(QFontMetrics(font).horizontalAdvance(line) <= width for line in lines)
    assert elide_lines(text, font, width * 10, 2) == ([text], False)
