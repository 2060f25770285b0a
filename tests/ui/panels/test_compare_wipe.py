"""The compare and wipe panels, driven the way a visitor drives them: touch,
taps, arrow keys, a language switch; checked through positions, texts and
rendered pixels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from tests.helpers.exhibits import make_context, make_exhibit, png_bytes, show_at
from tests.helpers.touch import drag, tap

RED, BLUE = (220, 30, 30), (30, 60, 220)

THIS_FILM = """\
schema: 1
languages: [en, ru]
title: {en: This film, ru: Этот фильм}
year: 2023
tile: tile.png
panels:
  - type: facts
    facts:
      - key: crew
        label: {en: Who filmed, ru: Кто снимал}
        value: {en: Actors, ru: Актёры}
        source: {en: Press, ru: Пресса}
      - key: days
        label: {en: Days in orbit, ru: Дней на орбите}
        value: {en: "12", ru: "12"}
      - key: station
        label: {en: Station, ru: Станция}
        value: {en: ISS, ru: МКС}
      - key: medium
        label: {en: Medium, ru: Носитель}
        value: {en: Digital, ru: Цифровой}
  - type: compare
    with: other-film
    rows: [crew, days, station, medium]
  - type: compare
    with:
      title: {en: Inline film, ru: Другой фильм}
      facts:
        - key: medium
          label: Medium
          value: {en: Film, ru: Плёнка}
    rows: [medium, days]
  - type: wipe
    before: {file: before.png, label: {en: Before, ru: До}, credit: Archive}
    after: {file: after.png, label: {en: After, ru: После}, credit: Studio}
    caption: {en: Drag to see the change., ru: "Потяните, чтобы увидеть разницу."}
  - type: wipe
    start: 0.3
    orientation: vertical
    before: {file: before.png, label: Top}
    after: {file: after.png, label: Bottom}
"""

OTHER_FILM = """\
schema: 1
title: Other film
tile: tile.png
panels:
  - type: facts
    facts:
      - key: crew
        label: Crew
        value: Cosmonauts
      - key: days
        label: Days
        value: "183"
      - key: medium
        label: Medium
        value: "digital "
"""


@pytest.fixture
def kiosk(qapp, tmp_path: Path):
    """A context on two small exhibits; the wipe images are solid red (before)
    and solid blue (after), 16:9 like the screen area they are shown in."""
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.style import stylesheet

    root = tmp_path / "exhibits"
    make_exhibit(root, "this-film", THIS_FILM, images=("tile.png", "before.png", "after.png"))
    make_exhibit(root, "other-film", OTHER_FILM)
    (root / "this-film" / "before.png").write_bytes(png_bytes(320, 180, RED))
    (root / "this-film" / "after.png").write_bytes(png_bytes(320, 180, BLUE))
    load_bundled_fonts()
    ctx = make_context([root])
    assert not ctx.catalog.errors, ctx.catalog.errors
    qapp.setStyleSheet(stylesheet(ctx.theme, ctx.metrics))
    return ctx


def show(qtbot, ctx, panel_index: int, exhibit_id: str = "this-film"):
    """The panel at full page size. Touch presses in these tests stay within the
    offscreen platform's 800x800 screen: a press on a child widget beyond it is lost."""
    from kiosk.ui.panels.compare import ComparePanelView
    from kiosk.ui.panels.wipe import WipePanelView

    item = ctx.catalog.get(exhibit_id)
    panel = item.exhibit.panels[panel_index]
    view = (ComparePanelView if panel.type == "compare" else WipePanelView)(ctx, item, panel_index)
    return show_at(qtbot, view, 1920, 1025, ctx)


def colour_at(view, widget, x: float, y: float) -> QColor:
    """The rendered colour at a fraction (x, y) of `widget`, from a grab of the whole view."""
    point = widget.mapTo(view, QPoint(round(x * (widget.width() - 1)), round(y * (widget.height() - 1))))
    return view.grab().toImage().pixelColor(point)


def is_colour(colour: QColor, rgb: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip((colour.red(), colour.green(), colour.blue()), rgb))


# --- wipe -----------------------------------------------------------------------


def test_touch_drag_from_anywhere_moves_the_divider_to_the_finger(qtbot, kiosk):
    view = show(qtbot, kiosk, 3)
    area = view.area
    assert view.position == pytest.approx(0.5)
    y = area.height() // 4  # well away from the handle, which sits mid-height
    drag(area, QPoint(round(area.width() * 0.15), y), QPoint(round(area.width() * 0.8), y))
    assert view.position == pytest.approx(0.8, abs=0.02)
    drag(area, QPoint(round(area.width() * 0.45), y), QPoint(round(area.width() * 0.1), y))
    assert view.position == pytest.approx(0.1, abs=0.02)


def test_a_tap_glides_the_divider_to_the_tapped_point(qtbot, kiosk):
    view = show(qtbot, kiosk, 3)
    moves = []
    view.area.divider.changed.connect(moves.append)
    tap(view.area, QPoint(round(view.area.width() * 0.25), view.area.height() // 3))
    qtbot.waitUntil(lambda: abs(view.position - 0.25) < 0.005, timeout=2000)
    assert len(moves) > 2, "the divider should glide, not jump"


def test_arrow_keys_move_the_divider_in_five_percent_steps(qtbot, kiosk):
    view = show(qtbot, kiosk, 3)
    view.setFocus()
    focused = view.focusProxy()
    QTest.keyClick(focused, Qt.Key.Key_Right)
    QTest.keyClick(focused, Qt.Key.Key_Right)
    assert view.position == pytest.approx(0.6)
    QTest.keyClick(focused, Qt.Key.Key_Left)
    assert view.position == pytest.approx(0.55)
    QTest.keyClick(focused, Qt.Key.Key_Up)  # not this orientation's axis
    assert view.position == pytest.approx(0.55)


def test_vertical_wipe_follows_a_vertical_drag_and_honours_its_start(qtbot, kiosk):
    view = show(qtbot, kiosk, 4)
    area = view.area
    assert view.position == pytest.approx(0.3)
    x = area.width() // 4
    drag(area, QPoint(x, round(area.height() * 0.9)), QPoint(x, round(area.height() * 0.6)))
    assert view.position == pytest.approx(0.6, abs=0.02)
    QTest.keyClick(view.focusProxy(), Qt.Key.Key_Down)
    assert view.position == pytest.approx(0.65, abs=0.02)


def test_before_shows_on_one_side_of_the_divider_and_after_on_the_other(qtbot, kiosk):
    view = show(qtbot, kiosk, 3)
    area = view.area
    assert is_colour(colour_at(view, area, 0.25, 0.8), RED)
    assert is_colour(colour_at(view, area, 0.45, 0.8), RED)
    assert is_colour(colour_at(view, area, 0.55, 0.8), BLUE)
    assert is_colour(colour_at(view, area, 0.75, 0.8), BLUE)
    area.divider.set_position(0.7)
    assert is_colour(colour_at(view, area, 0.6, 0.8), RED)


def test_vertical_wipe_shows_before_above_its_start_and_after_below(qtbot, kiosk):
    view = show(qtbot, kiosk, 4)
    area = view.area
    assert is_colour(colour_at(view, area, 0.2, 0.25), RED)
    assert is_colour(colour_at(view, area, 0.2, 0.35), BLUE)


def test_the_hint_plays_once_until_reset(qtbot, kiosk):
    view = show(qtbot, kiosk, 3)
    moves = []
    view.area.divider.changed.connect(moves.append)
    view.shown()
    qtbot.waitUntil(lambda: abs(view.position - 0.5) > 0.05, timeout=2000)
    qtbot.wait(1700)
    assert view.position == pytest.approx(0.5)
    assert max(abs(m - 0.5) for m in moves) < 0.15, "the hint moves the divider only a little"
    moves.clear()
    view.shown()
    qtbot.wait(700)
    assert not moves
    view.reset()
    view.shown()
    qtbot.waitUntil(lambda: len(moves) > 3, timeout=2000)


def test_a_touch_stops_the_hint(qtbot, kiosk):
    view = show(qtbot, kiosk, 3)
    view.shown()
    area = view.area
    drag(area, QPoint(area.width() // 5, 10), QPoint(area.width() // 5 + 1, 10))
    qtbot.wait(1800)
    assert view.position == pytest.approx(0.2, abs=0.02)


def test_a_broken_image_shows_a_placeholder(qtbot, kiosk):
    item = kiosk.catalog.get("this-film")
    (item.folder / "after.png").write_bytes(b"no longer an image")
    view = show(qtbot, kiosk, 3)
    area = view.area
    assert is_colour(colour_at(view, area, 0.25, 0.8), RED)
    assert colour_at(view, area, 0.75, 0.8) == kiosk.theme.colour("placeholder")


def test_wipe_labels_credits_and_caption_follow_the_language(qtbot, kiosk):
    view = show(qtbot, kiosk, 3)
    assert [label.text() for label in view.area.labels] == ["Before", "After"]
    assert view.credits[0].text() == "Left: Archive"
    kiosk.visit.set_language("ru")
    assert [label.text() for label in view.area.labels] == ["До", "После"]
    assert view.credits[1].text() == "Справа: Studio"
    assert view.caption.text() == "Потяните, чтобы увидеть разницу."


def test_only_drags_on_the_image_are_kept_from_the_pager(qtbot, kiosk):
    from kiosk.ui.window import KioskWindow

    window = show_at(qtbot, KioskWindow(kiosk, 1920), 1920, 1080, kiosk)
    kiosk.visit.show("this-film", 4)
    view = window.exhibit.pages[4]
    area = view.area
    y = area.height() // 4
    drag(window, area.mapTo(window, QPoint(area.width() // 2, y)),
         area.mapTo(window, QPoint(area.width() // 5, y)))
    assert kiosk.visit.place.page == 4 and view.position == pytest.approx(0.2, abs=0.02)
    start = view.caption.mapTo(window, QPoint(view.caption.width() - 5, 5))
    drag(window, start, start - QPoint(700, 0))
    assert kiosk.visit.place.page == 5, "a sideways drag beside the image turns the page"


# --- compare --------------------------------------------------------------------


def rows_by_label(view) -> dict:
    from kiosk.ui.panels.compare import CompareRow

    return {row.label.text(): row for row in view.findChildren(CompareRow)}


def test_compare_aligns_both_films_by_key_and_marks_nothing_by_itself(qtbot, kiosk):
    """Values that differ in wording are not a finding: without the curator's
    highlight no row is marked, neither by a word, nor a bar, nor bold type."""
    view = show(qtbot, kiosk, 1)
    rows = rows_by_label(view)
    values = {label: [v.text() for v in row.values] for label, row in rows.items()}
    assert values == {"Who filmed": ["Actors", "Cosmonauts"], "Days in orbit": ["12", "183"],
                      "Station": ["ISS", "—"], "Medium": ["Digital", "digital "]}
    image = view.grab().toImage()
    background = kiosk.theme.colour("background")
    for label, row in rows.items():
        assert image.pixelColor(row.mapTo(view, QPoint(1, row.height() // 2))) == background, label
        assert not any(value.font().bold() for value in row.values), label
        assert row.accessibleName() == label
    assert not [label.text() for label in view.findChildren(QLabel) if "differ" in label.text()]
    for column, header in enumerate(view.headers):
        lefts = {row.values[column].mapTo(view, QPoint(0, 0)).x() for row in rows.values()}
        assert lefts == {header.mapTo(view, QPoint(0, 0)).x()}, "values line up under their film"
    assert [header.title.text() for header in view.headers] == ["This film", "Other film"]


def test_compare_with_an_inline_item(qtbot, kiosk):
    view = show(qtbot, kiosk, 2)
    rows = rows_by_label(view)
    assert [v.text() for v in rows["Medium"].values] == ["Digital", "Film"]
    assert [v.text() for v in rows["Days in orbit"].values] == ["12", "—"]
    assert view.headers[1].title.text() == "Inline film"


def test_compare_texts_follow_the_language(qtbot, kiosk):
    view = show(qtbot, kiosk, 1)
    kiosk.visit.set_language("ru")
    rows = rows_by_label(view)
    assert set(rows) == {"Кто снимал", "Дней на орбите", "Станция", "Носитель"}
    assert rows["Кто снимал"].values[0].text() == "Актёры"
    assert rows["Кто снимал"].sources[0].text() == "Источник: Пресса"
    assert view.headers[0].title.text() == "Этот фильм"


def test_compare_rows_scroll_when_they_do_not_fit(qtbot, kiosk):
    view = show(qtbot, kiosk, 1)
    view.resize(1920, 320)
    qtbot.wait(50)
    bar = view.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    view.reset()
    assert bar.value() == 0


def test_bundled_compare_and_wipe_panels_build(qtbot, ctx):
    """The shipped exhibits' compare and wipe panels show without problems."""
    from kiosk.ui.panels.compare import ComparePanelView
    from kiosk.ui.panels.wipe import WipePanelView

    built = 0
    for item in ctx.catalog.exhibits:
        for index, panel in enumerate(item.exhibit.panels):
            if panel.type in ("compare", "wipe"):
                view = (ComparePanelView if panel.type == "compare" else WipePanelView)(ctx, item, index)
                qtbot.addWidget(view)
                view.resize(1920, 1025)
                view.show()
                ctx.images.wait()
                if panel.type == "wipe":
                    assert not any(view.area.is_missing(side) for side in view.area.sides)
                built += 1
    assert built >= 3, "the bundled exhibits show two compares and a wipe"
