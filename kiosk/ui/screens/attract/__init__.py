"""Attract mode: the exhibits' stills in a slow loop that draws visitors in.

Each still pans and zooms slowly around its focus point and crossfades into
the next, under the exhibit's title and a "Touch to explore" call in every
enabled language. Motion stays calm: nothing flashes, the call to action
breathes once every few seconds.

Each still is decoded once, off the GUI thread, slightly larger than the
screen (the zoom never enlarges it); a frame only draws that pixmap with a
small scale, so the frame rate adapts to what painting costs on the machine.

The screen shows exactly while the visit model is in attract mode. The touch
that wakes the kiosk is swallowed: attract mode takes the whole touch (or
mouse press) and only on its release tells the model which exhibit was on
screen, so nothing under the finger is ever activated.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHideEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from kiosk.content.loader import Catalog
from kiosk.content.text import Text
from kiosk.media import multimedia
from kiosk.media.images import Fit, ImageKey
from kiosk.ui.context import Context
from kiosk.ui.icons import icon_fonts_loaded
from kiosk.ui.layout import FillParent
from kiosk.ui.screens.attract.clip import AttractClip
from kiosk.ui.screens.attract.pacing import FramePacer
from kiosk.ui.screens.attract.texts import (
    AttractTexts,
    add_glyphs,
    lay_out_texts,
    paint_call_to_action,
    paint_placeholder,
    paint_scrim,
    render_caption,
)
from kiosk.visit.attract import DRIFT, Slide, Timeline, call_to_action, drift_at
from kiosk.visit.model import Place, Screen

log = logging.getLogger(__name__)

OVERSCAN = 1.0 + DRIFT
"""Stills are decoded (covering, around their focus point) this much larger
than the screen, so that they can drift at their own pixels."""
GLYPHS_AT_THE_LATEST_MS = 500
"""The glyphs come after the first sharp frame, or after this when no still shows."""
BREATH_MS = 4000
"""One slow swell of the call to action: 0.25 Hz, far below 2 flashes a second."""
SCRIM_FROM = 0.5
"""The darkening behind the texts starts this far down the screen."""

_TOUCH = {QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
          QEvent.Type.TouchCancel}


class AttractScreen(QWidget):
    """Full-window loop through `slides`, each shown `slide_ms` including a
    `fade_ms` crossfade. `call_to_action_text` replaces the built-in "Touch to
    explore" (settings: attract.call_to_action); `clock` (seconds) lets tests
    and renders pick the moment shown."""

    slide_changed = Signal(int)
    first_sharp = Signal()
    """The first frame with a still drawn sharp is on screen (once)."""

    def __init__(self, ctx: Context, slides_for: Callable[[Catalog], list[Slide]], slide_ms: int,
                 fade_ms: int, parent: QWidget | None = None,
                 call_to_action_text: Text | None = None, clock: Callable[[], float] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.slides_for = slides_for
        self._slides = slides_for(ctx.catalog)
        self.timeline = Timeline(slide_ms, fade_ms)
        self.call_to_action_text = call_to_action_text
        self.clock = clock or ctx.clock.now
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        FillParent(self)
        self._turn = 0
        self._started = self.clock()
        self.paused_at: float | None = None
        """When the visitor paused the loop (None: it runs)."""
        self._pressed = False
        self._pixmaps: dict[int, QPixmap | None] = {}
        """Decoded stills of the slides on screen; None while decoding or when broken."""
        self._texts: AttractTexts | None = None
        self._captions: dict[int, QPixmap] = {}
        self._clip: AttractClip | None = None
        self._stand_in: QImage | None = None
        self._sharp = False
        self._timer = QTimer(self)
        self._pacer = FramePacer(self._timer)
        self._timer.timeout.connect(self._tick)
        ctx.signals.language_changed.connect(self._retranslate)
        ctx.signals.place_changed.connect(self._follow)
        ctx.signals.catalog_changed.connect(self._new_catalog)
        self.setAccessibleName(" / ".join(self.call_to_action))
        self.hide()
        if ctx.visit.attracting:
            self.start()

    def _new_catalog(self, catalog: Catalog) -> None:
        self.slides = self.slides_for(catalog)

    def _follow(self, old: Place, new: Place) -> None:
        """Attract mode shows exactly while the visit model is in it."""
        if new.screen is Screen.ATTRACT and old.screen is not Screen.ATTRACT:
            self.start()
        elif new.screen is not Screen.ATTRACT:
            self.stop()

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

    def stand_in(self, frame: QImage | None) -> None:
        """Drawn until the first still is in: the same frame, kept by an earlier start."""
        self._stand_in = frame
        self.update()

    def start(self) -> None:
        """Show over the whole parent, from the first slide."""
        self._turn = 0
        self._started = self.clock()
        self.paused_at = None
        self._pressed = False
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self._request()
        self._lay_out()  # its fonts now, never inside a paint
        self._timer.start()
        QTimer.singleShot(GLYPHS_AT_THE_LATEST_MS, self, self._add_glyphs)

    def stop(self) -> None:
        self.hide()

    # --- the loop --------------------------------------------------------------------

    def _elapsed(self) -> float:
        now = self.clock() if self.paused_at is None else self.paused_at
        return (now - self._started) * 1000

    def toggle_pause(self) -> None:
        """Stop the loop where it is, or go on from there (WCAG 2.2.2: a keypad's pause key)."""
        if self.paused_at is None:
            self.paused_at = self.clock()
        else:
            self._started += self.clock() - self.paused_at
            self.paused_at = None
        self.update()

    def _tick(self) -> None:
        turn = self.timeline.turn(self._elapsed())
        if turn != self._turn:
            self._turn = turn
            self._request()
            self.slide_changed.emit(self.index)
        self.update()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()
        self._pixmaps.clear()  # the image cache keeps them; no need to pin them here
        if self._clip is not None:
            self._clip.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._pixmaps.clear()  # decoded for the old size
        self._retranslate()

    def _retranslate(self) -> None:
        self._texts = None
        self._captions.clear()
        self._request()
        if self.isVisible() and not self.size().isEmpty():
            self._lay_out()  # now, not in the next paint
        self.update()

    # --- decoding ----------------------------------------------------------------------

    def _key(self, index: int) -> ImageKey:
        slide = self.slides[index]
        size = self.size() * self.devicePixelRatioF() * OVERSCAN
        return ImageKey(slide.path, math.ceil(size.width()), math.ceil(size.height()), Fit.COVER,
                        slide.focus)

    def _request(self) -> None:
        """Ask for the still of this turn and, once it is in, the next one's, and only
        those: the first frame waits for one decode, not two sharing the cores."""
        if not self.slides or not self.isVisible() or self.size().isEmpty():
            return
        current = self._turn % len(self.slides)
        wanted = {current}
        if self._pixmaps.get(current) is not None or self.ctx.images.is_broken(self._key(current)):
            wanted.add((current + 1) % len(self.slides))
        self._pixmaps = {i: self._pixmaps.get(i) or self.ctx.images.request(self._key(i), self._on_image)
                         for i in wanted}
        self._captions = {i: caption for i, caption in self._captions.items() if i in wanted}
        self._play_clip(self.slides[self._turn % len(self.slides)].clip)

    def _play_clip(self, path: Path | None) -> None:
        """The slide's clip, muted and looped; none for visitors whom motion troubles."""
        if path is not None and self._clip is None and not self.ctx.theme.motion.reduced \
                and not multimedia.multimedia_missing():  # else the slide's still stands in
            self._clip = AttractClip(self.ctx, self)  # the player (Qt Multimedia) is made with the first clip
        if self._clip is not None:
            self._clip.play(None if self.ctx.theme.motion.reduced else path)

    def _on_image(self, key: ImageKey) -> None:
        for index in list(self._pixmaps):
            if self._key(index) == key:
                self._pixmaps[index] = self.ctx.images.request(key, self._on_image)
                self.update()
                if index == self._turn % len(self.slides):
                    self._request()  # this turn's still is in: now the next one's

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        began = time.perf_counter()
        painter = QPainter(self)
        if self._stand_in is not None and self.is_placeholder(self.index) and \
                self._stand_in.deviceIndependentSize().toSize() == self.size():
            painter.drawImage(0, 0, self._stand_in)
            painter.end()
            return
        self._stand_in = None
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        texts = self._lay_out()
        elapsed = self._elapsed()
        fade = self.timeline.fade(elapsed) if self.slides else 0.0
        self._paint_slide(painter, texts, self._turn, elapsed, 1.0)
        if fade > 0:
            self._paint_slide(painter, texts, self._turn + 1, elapsed, fade)
        paint_scrim(painter, self.ctx, self.width(), self.height(), SCRIM_FROM)
        if self.slides:
            self._paint_caption(painter, texts, self._turn, 1.0 - fade)
            if fade > 0:
                self._paint_caption(painter, texts, self._turn + 1, fade)
        self._paint_call_to_action(painter, texts, elapsed)
        painter.end()
        self._pacer.painted((time.perf_counter() - began) * 1000)
        sharp = not self.is_placeholder(self._turn % max(1, len(self.slides)))
        if sharp and not self._sharp:  # told before the glyphs come: this frame is the first
            self._sharp = True
            QTimer.singleShot(0, self, self.first_sharp.emit)
        if sharp and texts.icons is None:
            QTimer.singleShot(0, self, self._add_glyphs)  # the first sharp frame is on screen

    def _add_glyphs(self) -> None:
        if self._texts is not None and self._texts.icons is None:
            add_glyphs(self.ctx, self._texts, self.devicePixelRatioF())
            self.update()

    def _paint_slide(self, painter: QPainter, texts: AttractTexts, turn: int, elapsed: float,
                     opacity: float) -> None:
        painter.setOpacity(opacity)
        index = turn % len(self.slides) if self.slides else 0
        clip = self._clip
        if clip is not None and self.slides and clip.path == self.slides[index].clip \
                and clip.paint(painter, self.width(), self.height()):
            return
        pixmap = self._pixmaps.get(index)
        if pixmap is None:  # no slides, still decoding, or broken
            paint_placeholder(painter, self.ctx, texts, self.width(), self.height(), self.devicePixelRatioF())
            return
        ratio = self.devicePixelRatioF()
        margin = (max(0, pixmap.width() - round(self.width() * ratio)),
                  max(0, pixmap.height() - round(self.height() * ratio)))
        reduced = self.ctx.theme.motion.reduced  # held still, centred, for visitors whom motion troubles
        drift = drift_at(0.5 if reduced else self.timeline.motion(elapsed, turn), margin)
        # At whole device pixels and the still's own size: a copy, not a resampling.
        painter.save()
        painter.scale(1 / ratio, 1 / ratio)
        painter.drawPixmap(QPoint(-drift[0], -drift[1]), pixmap)
        painter.restore()

    def _paint_caption(self, painter: QPainter, texts: AttractTexts, turn: int, opacity: float) -> None:
        caption = self._caption(turn % len(self.slides), texts)
        painter.setOpacity(opacity)
        bottom = texts.cta_box.top() - self.ctx.mm(self.ctx.theme.sizes.gap)
        painter.drawPixmap(QPointF(texts.margin, bottom - caption.deviceIndependentSize().height()),
                           caption)

    def _paint_call_to_action(self, painter: QPainter, texts: AttractTexts, elapsed: float) -> None:
        calm = self.ctx.theme.motion.reduced or self.paused_at is not None
        breath = 1.0 if calm else 0.5 - 0.5 * math.cos(2 * math.pi * elapsed / BREATH_MS)
        paint_call_to_action(painter, texts, self.ctx.theme.colours, self._pressed, breath,
                             max(1.0, self.ctx.mm(0.8)))

    # --- layout -----------------------------------------------------------------------

    def _call_to_action(self) -> list[tuple[str, str]]:
        visit = self.ctx.visit
        return call_to_action(visit.languages, visit.default_language, self.call_to_action_text)

    def _lay_out(self) -> AttractTexts:
        if self._texts is None:
            self._texts = lay_out_texts(self.ctx, self.rect(), self.devicePixelRatioF(),
                                        self._call_to_action())
            if icon_fonts_loaded():  # no frame without them after the first
                add_glyphs(self.ctx, self._texts, self.devicePixelRatioF())
        return self._texts

    def _caption(self, index: int, texts: AttractTexts) -> QPixmap:
        if index not in self._captions:
            self._captions[index] = render_caption(self.ctx, self.slides[index].item.exhibit, texts,
                                                   self.rect(), self.devicePixelRatioF())
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
        """Attract mode hides when the model leaves it, after the window has
        taken its last frame to fade from."""
        slide = self.on_screen
        self._pressed = False
        log.info("attract mode woken on %s", slide.item.id if slide else "no exhibit")
        self.ctx.visit.wake(slide.item.id if slide else None)
