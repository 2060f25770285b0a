"""Attract mode: the exhibits' stills in a slow loop that draws visitors in.

Each still pans and zooms slowly around its focus point and crossfades into
the next, under the exhibit's title and a "Touch to explore" call in every
enabled language. Motion stays calm: nothing flashes, the call to action
breathes once every few seconds.

Each still is decoded once, off the GUI thread, slightly larger than the
screen (the zoom never enlarges it); a frame only draws that pixmap with a
small scale, so the frame rate adapts to what painting costs on the machine.

The touch that wakes the kiosk is swallowed: attract mode takes the whole
touch (or mouse press) and only on its release hides and says which exhibit
was on screen, so nothing under the finger is ever activated.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (QColor, QFont, QFontMetrics,
                           QLinearGradient, QMouseEvent, QPainter, QPaintEvent, QPixmap,
                           QResizeEvent)
from PySide6.QtWidgets import QWidget

from kiosk.content.loader import Catalog, LoadedExhibit
from kiosk.content.schema import GalleryPanel
from kiosk.content.text import Text
from kiosk.media.images import Fit, ImageKey, displayed_size
from kiosk.ui.context import Context
from kiosk.ui.fonts import kiosk_font
from kiosk.ui.icons import icon
from kiosk.ui.layout import FillParent
from kiosk.ui.strings import tr

log = logging.getLogger(__name__)

OVERSCAN = 1.15
"""Stills are decoded this much larger than the screen..."""
ZOOM = 0.12
"""...so that zooming by up to this much never enlarges the decoded pixels."""
MIN_FRAME_MS = 33
MAX_FRAME_MS = 100
FRAME_BUDGET = 3
"""A frame comes at most every FRAME_BUDGET times what painting one costs:
smooth where painting is cheap, never hogging a slow machine."""
CTA_PT = 44.0
"""The call to action reads from a few steps away."""
BREATH_MS = 4000
"""One slow swell of the call to action: 0.25 Hz, far below 2 flashes a second."""
SCRIM_FROM = 0.5
"""The darkening behind the texts starts this far down the screen."""

_TOUCH = {QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
          QEvent.Type.TouchCancel}


class Slide(NamedTuple):
    item: LoadedExhibit
    path: Path
    focus: tuple[float, float]


def attract_slides(catalog: Catalog, exhibit_ids: list[str] | None = None,
                   include_stills: str = "all") -> list[Slide]:
    """Each exhibit's tile, then (with include_stills="all") its gallery stills.

    `exhibit_ids` picks exhibits and their order (default: all, in home-screen
    order); an id not in the catalog is skipped and logged.
    """
    if exhibit_ids is None:
        items = list(catalog.exhibits)
    else:
        items = [item for item in map(catalog.get, exhibit_ids) if item is not None]
        missing = [i for i in exhibit_ids if catalog.get(i) is None]
        if missing:
            log.warning("attract mode: no exhibits %s; leaving them out", ", ".join(missing))
    slides: list[Slide] = []
    for item in items:
        images = [item.exhibit.tile]
        if include_stills == "all":
            images += [still for panel in item.exhibit.panels if isinstance(panel, GalleryPanel)
                       for still in panel.stills]
        paths: set[Path] = set()
        for image in images:
            path = item.path(image.file)
            if path not in paths:
                paths.add(path)
                slides.append(Slide(item, path, (float(image.focus[0]), float(image.focus[1]))))
    return slides


def call_to_action(languages: list[str], default_language: str,
                   custom: Text | None = None) -> list[tuple[str, str]]:
    """(language, text) of the call to action in each enabled language, each
    text once (a custom text missing a language falls back to the default)."""
    texts: list[tuple[str, str]] = []
    for language in languages:
        text = (custom.get(language, default_language) if custom
                else tr("touch_to_explore", language))
        if text and text not in (t for _, t in texts):
            texts.append((language, text))
    return texts


@dataclass(frozen=True)
class Timeline:
    """Where the loop is `elapsed` ms after it started.

    Turn n is on screen for `slide_ms`, the last `fade_ms` of which it
    crossfades into turn n + 1. A slide's motion runs from the start of its
    fade in to the end of its fade out, so it never stops while visible.
    """

    slide_ms: int
    fade_ms: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "slide_ms", max(1, self.slide_ms))
        object.__setattr__(self, "fade_ms", max(1, min(self.fade_ms, self.slide_ms // 2)))

    def turn(self, elapsed: float) -> int:
        return int(elapsed // self.slide_ms)

    def fade(self, elapsed: float) -> float:
        """How far turn(elapsed) has crossfaded into the next, 0 to 1."""
        into = elapsed - self.turn(elapsed) * self.slide_ms
        return _clamp((into - (self.slide_ms - self.fade_ms)) / self.fade_ms)

    def motion(self, elapsed: float, turn: int) -> float:
        """How far turn `turn` is through its pan and zoom, 0 to 1."""
        start = turn * self.slide_ms - self.fade_ms
        return _clamp((elapsed - start) / (self.slide_ms + self.fade_ms))


def zoom_at(turn: int, motion: float) -> float:
    """Even turns zoom in, odd turns zoom out: consecutive stills meet at the same zoom."""
    return 1.0 + ZOOM * (motion if turn % 2 == 0 else 1.0 - motion)


def focus_in_cover(source: QSize, box: QSize, focus: tuple[float, float]) -> QPointF:
    """Where the focus point lands in an image decoded with Fit.COVER into `box`
    (the same scale-then-crop as kiosk.media.images.decode)."""
    scale = max(box.width() / source.width(), box.height() / source.height())
    result = []
    for f, size, side in ((focus[0], source.width(), box.width()),
                          (focus[1], source.height(), box.height())):
        scaled = math.ceil(size * scale)
        crop = min(side, scaled)
        start = max(0, min(round(f * scaled - crop / 2), scaled - crop))
        result.append(f * scaled - start)
    return QPointF(*result)


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


@dataclass
class _Texts:
    """Fonts and places of the texts, worked out once per size and language."""

    margin: int
    title_font: QFont
    subtitle_font: QFont
    cta: list[tuple[str, QFont, QRect]]
    cta_box: QRect
    icons: tuple[QPixmap, QPixmap]
    """The touch glyph, normally and on the pressed call to action."""
    icon_at: QRect
    radius: float
    placeholder: QPixmap


class AttractScreen(QWidget):
    """Full-window loop through `slides`, each shown `slide_ms` including a
    `fade_ms` crossfade. `call_to_action_text` replaces the built-in "Touch to
    explore" (settings: attract.call_to_action); `clock` (seconds) lets tests
    and renders pick the moment shown."""

    woken = Signal(str)
    """A visitor touched the screen: the id of the exhibit on screen ("" if none)."""
    slide_changed = Signal(int)

    def __init__(self, ctx: Context, slides: list[Slide], slide_ms: int, fade_ms: int,
                 parent: QWidget | None = None, call_to_action_text: Text | None = None,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.ctx = ctx
        self._slides = list(slides)
        self.timeline = Timeline(slide_ms, fade_ms)
        self.call_to_action_text = call_to_action_text
        self.clock = clock
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        FillParent(self)
        self._turn = 0
        self._started = self.clock()
        self._pressed = False
        self._pixmaps: dict[int, QPixmap | None] = {}
        """Decoded stills of the slides on screen; None while decoding or when broken."""
        self._sources: dict[Path, QSize] = {}
        self._texts: _Texts | None = None
        self._captions: dict[int, QPixmap] = {}
        self._paint_ms = 0.0
        self._frame_ms = MIN_FRAME_MS
        self._timer = QTimer(self)
        self._timer.setInterval(self._frame_ms)
        self._timer.timeout.connect(self._tick)
        ctx.images.ready.connect(self._on_image)
        ctx.images.failed.connect(self._on_image)
        ctx.signals.language_changed.connect(self._retranslate)
        self.setAccessibleName(" / ".join(self.call_to_action))
        self.hide()

    # --- what the controller and tests use ---------------------------------------

    @property
    def slides(self) -> list[Slide]:
        return self._slides

    @slides.setter
    def slides(self, slides: list[Slide]) -> None:
        """New content: the loop starts again and keeps nothing of the old slides."""
        self._slides = list(slides)
        self._turn = 0
        self._started = self.clock()
        self._pixmaps.clear()
        self._captions.clear()
        self._sources.clear()
        self._request()
        self.update()

    @property
    def index(self) -> int:
        """The slide in front (the one fading out until the crossfade ends)."""
        return self._turn % len(self.slides) if self.slides else 0

    @property
    def fade(self) -> float:
        return self.timeline.fade(self._elapsed())

    @property
    def on_screen(self) -> Slide | None:
        """The slide a visitor sees most of right now."""
        if not self.slides:
            return None
        elapsed = self._elapsed()
        turn = self.timeline.turn(elapsed) + (1 if self.timeline.fade(elapsed) >= 0.5 else 0)
        return self.slides[turn % len(self.slides)]

    @property
    def call_to_action(self) -> list[str]:
        return [text for _, text in self._call_to_action()]

    def is_placeholder(self, index: int) -> bool:
        return self._pixmaps.get(index) is None

    def start(self) -> None:
        """Show over the whole parent, from the first slide."""
        self._turn = 0
        self._started = self.clock()
        self._pressed = False
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self._request()
        self._timer.start()

    def stop(self) -> None:
        self.hide()

    # --- the loop --------------------------------------------------------------------

    def _elapsed(self) -> float:
        return (self.clock() - self._started) * 1000

    def _tick(self) -> None:
        turn = self.timeline.turn(self._elapsed())
        if turn != self._turn:
            self._turn = turn
            self._request()
            self.slide_changed.emit(self.index)
        self.update()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._timer.stop()
        self._pixmaps.clear()  # the image cache keeps them; no need to pin them here

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._pixmaps.clear()  # decoded for the old size
        self._retranslate()

    def _retranslate(self) -> None:
        self._texts = None
        self._captions.clear()
        self._request()
        self.update()

    # --- decoding ----------------------------------------------------------------------

    def _key(self, index: int) -> ImageKey:
        slide = self.slides[index]
        size = self.size() * self.devicePixelRatioF() * OVERSCAN
        return ImageKey(slide.path, math.ceil(size.width()), math.ceil(size.height()), Fit.COVER,
                        slide.focus)

    def _request(self) -> None:
        """Ask for the stills of this turn and the next, and only those."""
        if not self.slides or not self.isVisible() or self.size().isEmpty():
            return
        wanted = {(self._turn + step) % len(self.slides) for step in (0, 1)}
        self._pixmaps = {i: self._pixmaps.get(i) or self.ctx.images.request(self._key(i))
                         for i in wanted}
        self._captions = {i: caption for i, caption in self._captions.items() if i in wanted}
        for i in wanted:
            self._source_size(self.slides[i].path)  # read the header now, not while painting

    def _on_image(self, key: ImageKey) -> None:
        for index in self._pixmaps:
            if self._key(index) == key:
                self._pixmaps[index] = self.ctx.images.request(key)
                self.update()

    def _source_size(self, path: Path) -> QSize:
        if path not in self._sources:
            self._sources[path] = displayed_size(path)
        return self._sources[path]

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        began = time.perf_counter()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        texts = self._layout()
        elapsed = self._elapsed()
        fade = self.timeline.fade(elapsed) if self.slides else 0.0
        self._paint_slide(painter, texts, self._turn, elapsed, 1.0)
        if fade > 0:
            self._paint_slide(painter, texts, self._turn + 1, elapsed, fade)
        self._paint_scrim(painter)
        if self.slides:
            self._paint_caption(painter, texts, self._turn, 1.0 - fade)
            if fade > 0:
                self._paint_caption(painter, texts, self._turn + 1, fade)
        self._paint_call_to_action(painter, texts, elapsed)
        painter.end()
        self._adapt_frame_rate((time.perf_counter() - began) * 1000)

    def _paint_slide(self, painter: QPainter, texts: _Texts, turn: int, elapsed: float,
                     opacity: float) -> None:
        painter.setOpacity(opacity)
        index = turn % len(self.slides) if self.slides else 0
        pixmap = self._pixmaps.get(index)
        source = self._source_size(self.slides[index].path) if pixmap is not None else QSize()
        if not source.isValid():  # no slides, still decoding, or broken
            self._paint_placeholder(painter, texts)
            return
        ratio = self.devicePixelRatioF()
        scale = min(pixmap.width() / ratio / self.width(), pixmap.height() / ratio / self.height())
        drawn = zoom_at(turn, self.timeline.motion(elapsed, turn)) / scale
        anchor = focus_in_cover(source, pixmap.size(), self.slides[index].focus) / ratio
        # The focus point stays where it is at zoom 1 while the still grows around it.
        painter.save()
        painter.translate(anchor / scale - anchor * drawn)
        painter.scale(drawn / ratio, drawn / ratio)
        painter.drawPixmap(0, 0, pixmap)
        painter.restore()

    def _paint_placeholder(self, painter: QPainter, texts: _Texts) -> None:
        """A missing or still decoding picture: a calm, dark field with a film glyph."""
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0, self.ctx.theme.colour("surface"))
        gradient.setColorAt(1, self.ctx.theme.colour("background"))
        painter.fillRect(self.rect(), gradient)
        opacity = painter.opacity()
        painter.setOpacity(opacity * 0.25)
        side = texts.placeholder.width() / self.devicePixelRatioF()
        painter.drawPixmap(QPointF((self.width() - side) / 2, self.height() * 0.3 - side / 2),
                           texts.placeholder)
        painter.setOpacity(opacity)

    def _paint_scrim(self, painter: QPainter) -> None:
        """Darkens the lower part so that the texts read on any still."""
        painter.setOpacity(1.0)
        top = round(self.height() * SCRIM_FROM)
        gradient = QLinearGradient(0, top, 0, self.height())
        scrim = self.ctx.theme.colour("scrim")
        for stop, alpha in ((0.0, 0), (0.45, 150), (1.0, 225)):
            scrim.setAlpha(alpha)
            gradient.setColorAt(stop, scrim)
        painter.fillRect(QRect(0, top, self.width(), self.height() - top), gradient)

    def _paint_caption(self, painter: QPainter, texts: _Texts, turn: int, opacity: float) -> None:
        caption = self._caption(turn % len(self.slides), texts)
        painter.setOpacity(opacity)
        bottom = texts.cta_box.top() - self.ctx.mm(self.ctx.theme.sizes.gap)
        painter.drawPixmap(QPointF(texts.margin, bottom - caption.deviceIndependentSize().height()),
                           caption)

    def _paint_call_to_action(self, painter: QPainter, texts: _Texts, elapsed: float) -> None:
        colours = self.ctx.theme.colours
        breath = 0.5 - 0.5 * math.cos(2 * math.pi * elapsed / BREATH_MS)
        radius = texts.radius
        painter.setOpacity(1.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        fill = QColor(colours.accent if self._pressed else colours.background)
        fill.setAlpha(255 if self._pressed else 190)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(texts.cta_box), radius, radius)
        painter.setOpacity(1.0 if self._pressed else 0.72 + 0.28 * breath)
        pen = QColor(colours.accent)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        width = max(1.0, self.ctx.mm(0.8))
        painter.drawRoundedRect(QRectF(texts.cta_box).adjusted(width / 2, width / 2, -width / 2,
                                                               -width / 2), radius, radius)
        painter.setOpacity(1.0)
        painter.drawPixmap(texts.icon_at.topLeft(), texts.icons[self._pressed])
        painter.setPen(QColor(colours.accent_text if self._pressed else colours.text))
        for text, font, rect in texts.cta:
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _adapt_frame_rate(self, paint_ms: float) -> None:
        self._paint_ms = 0.8 * self._paint_ms + 0.2 * paint_ms
        frame_ms = round(min(MAX_FRAME_MS, max(MIN_FRAME_MS, FRAME_BUDGET * self._paint_ms)))
        if abs(frame_ms - self._frame_ms) >= 5:
            self._frame_ms = frame_ms
            self._timer.setInterval(frame_ms)

    # --- layout -----------------------------------------------------------------------

    def _call_to_action(self) -> list[tuple[str, str]]:
        session = self.ctx.session
        return call_to_action(session.languages, session.default_language, self.call_to_action_text)

    def _layout(self) -> _Texts:
        if self._texts is not None:
            return self._texts
        ctx, sizes = self.ctx, self.ctx.theme.sizes
        margin, pad = ctx.mm(sizes.margin), ctx.mm(sizes.gap)
        ratio = self.devicePixelRatioF()
        cta_px = ctx.metrics.font_px(CTA_PT)
        fonts = [(text, kiosk_font(cta_px, True, language))
                 for language, text in self._call_to_action()]
        parts = [(text, font, QFontMetrics(font).horizontalAdvance(text)) for text, font in fonts]
        line_height = max((QFontMetrics(font).height() for _, font in fonts), default=cta_px)
        icon_side = round(line_height * 1.2)
        available = self.width() - 2 * margin - icon_side - 4 * pad
        row: list[tuple[str, QFont, int]] = []
        for part in parts:
            if row:
                font = parts[0][1]
                spaced = QFontMetrics(font).horizontalAdvance("\u2003\u00b7\u2003")
                row.append(("\u00b7", font, spaced))
            row.append(part)
        if sum(width for _, _, width in row) <= available:
            lines = [row]  # all languages side by side when they fit, else one per line
        else:
            lines = [[(text, font, min(width, available))] for text, font, width in parts]
        content_width = max((sum(width for _, _, width in line) for line in lines), default=0)
        box = QRect(0, 0, icon_side + content_width + 4 * pad,
                    max(ctx.mm(sizes.touch_target), line_height * len(lines) + pad))
        box.moveCenter(self.rect().center())
        box.moveBottom(self.height() - margin // 2)
        icon_at = QRect(box.left() + pad + pad // 2, box.center().y() - icon_side // 2,
                        icon_side, icon_side)
        left, y = icon_at.right() + pad, box.center().y() - line_height * len(lines) // 2
        placed: list[tuple[str, QFont, QRect]] = []
        for line in lines:
            x = left + (content_width - sum(width for _, _, width in line)) // 2
            for text, font, width in line:
                placed.append((text, font, QRect(x, y, width, line_height)))
                x += width
            y += line_height
        glyphs = tuple(icon("touch", colour).pixmap(QSize(icon_side, icon_side), ratio)
                       for colour in (ctx.theme.colours.accent, ctx.theme.colours.accent_text))
        film = ctx.mm(40)
        placeholder = icon("film", ctx.theme.colours.text_muted).pixmap(QSize(film, film), ratio)
        self._texts = _Texts(margin, ctx.font(sizes.title_pt, bold=True), ctx.font(sizes.body_pt),
                             placed, box, glyphs, icon_at, min(box.height(), line_height + pad) / 2,
                             placeholder)
        return self._texts

    def _caption(self, index: int, texts: _Texts) -> QPixmap:
        """The exhibit's title over its subtitle (or year and country), drawn
        once per slide so that a frame only blends it in."""
        if index not in self._captions:
            exhibit = self.slides[index].item.exhibit
            title = self.ctx.text(exhibit, exhibit.title)
            details = (exhibit.year, self.ctx.text(exhibit, exhibit.country))
            subtitle = (self.ctx.text(exhibit, exhibit.subtitle)
                        or " \u00b7 ".join(str(part) for part in details if part))
            width = self.width() - 2 * texts.margin
            flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
            lines = [(title, texts.title_font, "text")]
            if subtitle:
                lines.append((subtitle, texts.subtitle_font, "text_muted"))
            boxes = [QFontMetrics(font).boundingRect(QRect(0, 0, width, self.height()), flags, text)
                     for text, font, _ in lines]
            gap = self.ctx.mm(2)
            ratio = self.devicePixelRatioF()
            height = sum(box.height() for box in boxes) + gap * (len(boxes) - 1)
            pixmap = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            top = 0
            for (text, font, colour), box in zip(lines, boxes):
                painter.setFont(font)
                painter.setPen(self.ctx.theme.colour(colour))
                painter.drawText(QRect(0, top, width, box.height()), flags, text)
                top += box.height() + gap
            painter.end()
            self._captions[index] = pixmap
        return self._captions[index]

    # --- the waking touch -----------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _TOUCH:
            return super().event(event)
        event.accept()  # every touch is attract mode's: no mouse events are made from it
        if kind == QEvent.Type.TouchBegin:
            self._press()
        elif kind == QEvent.Type.TouchEnd:
            self._wake()
        elif kind == QEvent.Type.TouchCancel:
            self._pressed = False
            self.update()
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self._press()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self._pressed:
            self._wake()

    def _press(self) -> None:
        self._pressed = True
        self.update()

    def _wake(self) -> None:
        slide = self.on_screen
        self._pressed = False
        self.stop()
        log.info("attract mode woken on %s", slide.item.id if slide else "no exhibit")
        self.woken.emit(slide.item.id if slide else "")
