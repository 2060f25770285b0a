"""No cut words anywhere: every screen and page, in every bundled language, on
a 24- and a 55-inch 1080p display and a 55-inch 4K one, including a language
switch inside the still viewer.

A word-wrapped label must be as tall as its text needs and a single-line label
or a button as wide as its text, inside a scroll area too (the area scrolls
past its end, not through a label's own box). A page may run on inside its
scroll area: the area scrolls, and shows that it does.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLabel, QWidget

from kiosk.ui.scrolling import KineticScrollArea
from kiosk.ui.typography import unbreakable_words
from kiosk.visit.model import stills_of
from kiosk.visit.modes import named_modes
from kiosk.visit.pages import pages_of
from tests.helpers.exhibits import make_context, show_at

DISPLAYS = {"1080p-24in": ((1920, 1080), 24.0), "1080p-55in": ((1920, 1080), 55.0),
            "4k-55in": ((3840, 2160), 55.0)}
LANGUAGES = ("en", "zh", "ru")


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def _scroller(widget: QWidget) -> QWidget:
    """The scroll area that brings the widget on screen, or the widget itself."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return widget


def _on_screen(widget: QWidget, window: QWidget) -> bool:
    """Not a page parked beside the pager or an overlay's hidden part; text
    scrolled out of its area counts where its area is."""
    widget = _scroller(widget)
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(top_left) and window.rect().contains(
        widget.mapTo(window, widget.rect().bottomRight()))


def _label_problems(label: QLabel) -> list[str]:
    problems, room = [], label.contentsRect()
    if not label.parentWidget().rect().contains(label.geometry()):
        problems.append(f"label {label.text()[:40]!r} runs out of its box")
    if label.wordWrap():
        needed = label.heightForWidth(label.width()) - (label.height() - room.height())
        if needed > room.height() + 1:
            problems.append(f"label {label.text()[:40]!r} needs {needed} px, has {room.height()}")
        if label.textFormat() != Qt.TextFormat.RichText:  # a word too long for its line is cut at the side
            widest = max((label.fontMetrics().horizontalAdvance(word) for word in unbreakable_words(label.text())),
                         default=0)
            if widest > room.width() + 1:
                problems.append(f"label {label.text()[:40]!r} has a word {widest} px wide in {room.width()} px")
    elif label.textFormat() != Qt.TextFormat.RichText:
        needed = label.fontMetrics().horizontalAdvance(label.text())
        if needed > room.width() + 1:
            problems.append(f"label {label.text()[:40]!r} needs {needed} px wide, has {room.width()}")
    return problems


def _area_problems(area: QAbstractScrollArea) -> list[str]:
    """An area scrolls along its own axis; across it, its content must fit."""
    sideways = not isinstance(area, KineticScrollArea) or area.cues.horizontal
    across = area.verticalScrollBar() if sideways else area.horizontalScrollBar()
    if not isinstance(area, KineticScrollArea) or across.maximum() <= 0:
        return []
    return [f"content {area.widget().width()}x{area.widget().height()} px in an area "
            f"{area.viewport().width()}x{area.viewport().height()} px: cut "
            + ("at the bottom" if sideways else "at the side")]


def clipped(window: QWidget) -> list[str]:
    """Every text on screen that does not fit its space."""
    def shown(widget: QWidget) -> bool:
        return _shown(widget, window) and _on_screen(widget, window)

    problems = []
    for label in window.findChildren(QLabel):
        if label.text() and shown(label):
            problems += _label_problems(label)
    for area in window.findChildren(QAbstractScrollArea):
        if shown(area):
            problems += _area_problems(area)
    for button in window.findChildren(QAbstractButton):
        if not button.text() or not shown(button):
            continue
        needed = button.sizeHint()
        if needed.width() > button.width() + 1 or needed.height() > button.height() + 1:
            problems.append(f"button {button.text()[:40]!r} needs {needed.width()}x{needed.height()}, "
                            f"has {button.width()}x{button.height()}")
    return problems


def _walk(window, visit, qtbot, language: str, problems: list[str]) -> None:
    def check(name: str) -> None:
        QApplication.processEvents()
        window.ctx.images.wait()
        QApplication.processEvents()
        problems.extend(f"{language} {name}: {p}" for p in clipped(window))

    visit.go_home()
    check("home")
    window.open_access()
    check("display and audio options")
    window.access.close_sheet()
    for item in visit.catalog.exhibits:
        for page, shown in enumerate(pages_of(item)):
            visit.show(item.id, page)
            check(f"{item.id} page {page} ({shown.type})")
            if stills_of(shown):
                visit.open_still(0)
                check(f"{item.id} viewer")
                for other in LANGUAGES:           # a switch inside the viewer, then the next still
                    visit.set_language(other)
                    check(f"{item.id} viewer switched to {other}")
                visit.set_language(language)
                visit.open_still(1)
                check(f"{item.id} viewer, next still")
                visit.close_still()


CASES = [(display, ()) for display in DISPLAYS] + [
    (display, ("largest-text", "high-contrast")) for display in ("1080p-24in", "4k-55in")]
"""Larger text x2 where room is shortest and at 4K (1080p at 55 inches has 4K's layout).
Every display in every text size: `python bench/modes.py`, beside the benchmarks."""
if os.environ.get("KIOSK_EVERY_MODE"):
    CASES = [(display, modes) for display in DISPLAYS for modes in
             ((), ("larger-text",), ("largest-text",), ("largest-text", "high-contrast"), ("high-contrast",))]


@pytest.mark.parametrize("display, modes", CASES, ids=[f"{d}-{'+'.join(m) or 'normal'}" for d, m in CASES])
def test_no_text_is_cut_on_any_screen_in_any_language(qtbot, qapp, display, modes):
    """Also in the visitor's larger text (x2 with high contrast; x1.5 on the
    smallest display): it reflows, and whatever no longer fits a page scrolls."""
    from kiosk.render import AT_REST
    from kiosk.ui.app import build_context
    from kiosk.ui.fonts import load_bundled_fonts
    from kiosk.ui.window import KioskWindow

    load_bundled_fonts()  # the kiosk's own faces, whatever ran before
    size, diagonal = DISPLAYS[display]
    base = make_context(size=size, diagonal=diagonal)
    ctx = build_context(base.catalog, base.metrics, theme=AT_REST, modes=named_modes(list(modes)))
    window = show_at(qtbot, KioskWindow(ctx, size[0]), *size, ctx)
    problems: list[str] = []
    for language in LANGUAGES:
        ctx.visit.set_language(language)
        _walk(window, ctx.visit, qtbot, language, problems)
    assert not problems, "\n".join(problems)
