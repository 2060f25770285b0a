"""The museum numbers from kiosk-guidelines.md, checked on what is built."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.content.schema import GalleryPanel
from kiosk.ui.theme import Colours, contrast_ratio
from kiosk.visit.pages import pages_of
from tests.helpers.exhibits import PROJECT_ROOT, make_context, show_at

MIN_TARGET_MM = 20.0
MIN_SPACING_MM = 13.0


def test_body_text_contrast_meets_wcag_aaa():
    colours = Colours()
    for text in (colours.text, colours.text_muted):
        for background in (colours.background, colours.surface, colours.placeholder):
            assert contrast_ratio(text, background) >= 7.0, (text, background)
    assert contrast_ratio(colours.accent_text, colours.accent) >= 7.0


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def _targets(window: QWidget) -> list[tuple[QWidget, QRect, QRect]]:
    """Every visible control on screen, with its whole and its visible
    rectangle in window coordinates."""
    found = []
    for widget in window.findChildren(QWidget):
        interactive = isinstance(widget, QAbstractButton) or widget.property("touch_target")
        if not interactive or not widget.isVisibleTo(window):
            continue
        full = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        visible = _visible_rect(widget, window)
        if visible.width() > 2 and visible.height() > 2 and _on_top(widget, window, visible.center()):
            # A target scrolled partly out of view is measured at its full size
            # (the finger aims at all of it) but spaced by what shows.
            found.append((widget, full, visible))
    return found


def _visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of `widget` a finger can reach: what its ancestors (a page
    off to the side, a scrolled area) do not clip away."""
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def _on_top(widget: QWidget, window: QWidget, point) -> bool:
    """Not covered by an overlay (the still viewer over the exhibit screen)."""
    top = window.childAt(point)
    return top is widget or (top is not None and widget.isAncestorOf(top))


def _gap_mm(a: QRect, b: QRect, metrics) -> float:
    dx = max(b.left() - a.right() - 1, a.left() - b.right() - 1, 0)
    dy = max(b.top() - a.bottom() - 1, a.top() - b.bottom() - 1, 0)
    return metrics.to_mm(max(dx, dy))


DISPLAYS = pytest.mark.parametrize("size, diagonal", [((1920, 1080), 55.0), ((1920, 1080), 24.0),
                                                      ((3840, 2160), 55.0)],
                                   ids=["1080p-55in", "1080p-24in", "4k-55in"])


def _kiosk_window(qtbot, size: tuple[int, int], diagonal: float, modes=None):
    """The kiosk's window on the bundled exhibits, shown at `size` for a `diagonal`-inch display."""
    from kiosk.ui.app import build_context
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.window import KioskWindow

    load_bundled_fonts()
    base = make_context(size=size, diagonal=diagonal)
    ctx = build_context(base.catalog, base.metrics, modes=modes, mounting_height_mm=MOUNTING_MM)
    return show_at(qtbot, KioskWindow(ctx, size[0]), *size, ctx)


MOUNTING_MM = 800.0
"""The display's bottom edge above the floor, as kiosk.yaml would say."""


def _reach_problems(window, ctx, name: str, targets) -> list[str]:
    """Every control's centre between 380 and 1220 mm above the floor (ADA 308)."""
    from kiosk.ui.context import REACH_MM

    top_mm = MOUNTING_MM + ctx.base_metrics.to_mm(window.height())
    problems = []
    for widget, rect, _ in targets:
        above_floor = top_mm - ctx.base_metrics.to_mm(rect.center().y())
        if not REACH_MM[0] <= above_floor <= REACH_MM[1]:
            problems.append(f"{name}: '{widget.accessibleName()}' is {above_floor:.0f} mm above the floor")
    return problems


def _check_screen(window, ctx, name: str, problems: list[str]) -> None:
    QApplication.processEvents()
    targets = _targets(window)
    assert targets, f"{name}: no controls found"
    if ctx.visit.modes.low_reach:
        problems += _reach_problems(window, ctx, name, targets)
    for widget, rect, _ in targets:
        w_mm, h_mm = ctx.metrics.to_mm(rect.width()), ctx.metrics.to_mm(rect.height())
        if min(w_mm, h_mm) < MIN_TARGET_MM - 0.05:
            problems.append(f"{name}: {type(widget).__name__} '{widget.accessibleName()}' "
                            f"is {w_mm:.1f} x {h_mm:.1f} mm")
    for (wa, _, a), (wb, _, b) in itertools.combinations(targets, 2):
        if wa.isAncestorOf(wb) or wb.isAncestorOf(wa):
            continue
        gap = _gap_mm(a, b, ctx.metrics)
        if gap < MIN_SPACING_MM - 0.05:
            problems.append(f"{name}: '{wa.accessibleName()}' and '{wb.accessibleName()}' "
                            f"are {gap:.1f} mm apart")


@pytest.mark.parametrize("size, diagonal, low_reach", [
    ((1920, 1080), 55.0, False), ((1920, 1080), 24.0, False), ((3840, 2160), 55.0, False),
    ((1920, 1080), 55.0, True)],  # a 24-inch display is within reach whole; 4K at 55 inches has this layout
    ids=["1080p-55in", "1080p-24in", "4k-55in", "1080p-55in-low-reach"])
def test_every_control_on_every_screen_is_a_large_well_spaced_target(qapp, qtbot, size, diagonal, low_reach):
    """In the low-reach layout also within reach of a seated visitor."""
    from kiosk.visit.modes import DisplayModes

    window = _kiosk_window(qtbot, size, diagonal, DisplayModes(low_reach=low_reach))
    ctx = window.ctx
    problems: list[str] = []
    _check_screen(window, ctx, "home", problems)
    window.open_access()
    _check_screen(window, ctx, "display and audio options", problems)
    window.access.close_sheet()
    visit = ctx.visit
    for item in ctx.catalog.exhibits:
        for index, panel in enumerate(pages_of(item)):
            visit.show(item.id, index)
            qtbot.waitUntil(lambda: not window.exhibit.pager.sliding)
            _check_screen(window, ctx, f"{item.id} panel {index + 1} ({panel.type})", problems)
            if isinstance(panel, GalleryPanel):
                visit.open_still(0)
                _check_screen(window, ctx, f"{item.id} still viewer", problems)
                visit.close_still()
    assert not problems, "\n".join(problems)


@DISPLAYS
def test_every_page_heading_starts_at_the_grid_margin(qapp, qtbot, size, diagonal):
    """Paging through an exhibit, headings stay put: one left edge, the grid's."""
    window = _kiosk_window(qtbot, size, diagonal)
    ctx = window.ctx
    lefts: dict[str, int] = {}
    for item in ctx.catalog.exhibits:
        for index, panel in enumerate(pages_of(item)):
            ctx.visit.show(item.id, index)
            qtbot.waitUntil(lambda: not window.exhibit.pager.sliding and not window.transition.running)
            page = window.exhibit.pages[index]
            for label in page.findChildren(QLabel):
                if label.accessibleName() == "heading" and label.isVisibleTo(window) and label.text():
                    start = label.mapTo(window, label.contentsRect().topLeft()).x()
                    lefts[f"{item.id} page {index} ({panel.type})"] = start
    assert len(lefts) >= 10
    assert {name: left for name, left in lefts.items() if left != ctx.grid.margin} == {}


GLYPH_CHECK = r"""
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication
from kiosk.ui.fonts import kiosk_font, load_bundled_fonts
from kiosk.locale.strings import tr

def glyph(text):
    font = kiosk_font(40)
    metrics = QFontMetrics(font)
    image = QImage(metrics.horizontalAdvance(text) + 8, metrics.height() + 8,
                   QImage.Format.Format_Grayscale8)
    image.fill(QColor("black"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(4, 4 + metrics.ascent(), text)
    painter.end()
    return bytes(image.constBits())

def boxes(characters):
    box = glyph("\ue000")  # a private-use code point no font has: the empty box
    return sum(glyph(ch) == box for ch in characters)

app = QApplication([])
characters = sorted(set(tr("choose_film", "zh") + tr("touch_to_explore", "zh")))
before = boxes(characters)
load_bundled_fonts()
print(len(characters), before, boxes(characters))
"""


def test_chinese_is_drawn_with_real_glyphs_not_boxes(tmp_path):
    """On a machine without CJK fonts (an empty fontconfig), Chinese renders as
    boxes until the bundled fonts are loaded, and as real glyphs after."""
    empty = tmp_path / "fonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{empty}</dir>'
                      f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", GLYPH_CHECK], capture_output=True,
                            text=True, env=env, timeout=60, cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    count, boxes_without, boxes_with = map(int, result.stdout.split()[-3:])
    assert boxes_without == count, "the check itself must see boxes without the bundled font"
    assert boxes_with == 0


@pytest.mark.parametrize("language, leading", [("en", "Noto Sans"), ("ru", "Noto Sans"),
                                               ("zh", "Noto Sans CJK SC")])
def test_every_string_shown_uses_the_bundled_face_of_its_language(qtbot, ctx, language, leading):
    """Every label and button, made before or after the language changes,
    draws in the bundled face that leads for the visitor's language."""
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from kiosk.ui.window import KioskWindow

    window = KioskWindow(ctx, 1920)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    ctx.visit.set_language(language)
    ctx.visit.show("shenzhou-13", 0)  # made after the switch
    qtbot.waitUntil(lambda: window.exhibit is not None and window.exhibit.isVisible())
    texts = [w for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton) if w.text()]
    assert len(texts) > 10
    assert {QFontInfo(w.font()).family() for w in texts} == {leading}


def test_display_size_comes_from_the_diagonal_or_dpi_and_stays_physical_on_small_screens(qapp):
    from PySide6.QtCore import QSize

    from kiosk.ui.app import display_metrics
    from kiosk.ui.metrics import Metrics

    full_hd = QSize(1920, 1080)
    at_55 = Metrics.for_diagonal(1920, 1080, 55).px_per_mm
    assert display_metrics(full_hd, 55, None).px_per_mm == pytest.approx(at_55)
    assert display_metrics(full_hd, None, 40.05).px_per_mm == pytest.approx(at_55, rel=0.01)
    assert display_metrics(full_hd, None, 2000).px_per_mm == pytest.approx(at_55)  # nonsense DPI
    at_23 = Metrics.for_diagonal(1920, 1080, 23).px_per_mm
    assert display_metrics(full_hd, 23, None).px_per_mm == pytest.approx(at_23)   # not scaled down
    assert display_metrics(full_hd, None, 96).px_per_mm == pytest.approx(at_23, rel=0.01)
    assert display_metrics(full_hd, 23, None).screen_px == (1920, 1080)
