"""Attract mode: the exhibits' stills in a slow loop that draws visitors in.

Each still drifts slowly and crossfades into the next, under the exhibit's
title and a "Touch to explore" call in every enabled language. Motion stays
calm: nothing flashes, the call to action breathes once every few seconds.

Each still is decoded once, off the GUI thread, slightly larger than the
screen; a frame copies it at whole device pixels (`frame.py`, which also
composes crossfade frames one ahead on a worker), at up to 60 frames a second.

The screen shows exactly while the visit model is in attract mode; the touch
that wakes the kiosk is swallowed (`touch.py`), and its release tells the
model which exhibit was on screen.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHideEvent,
    QImage,
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
from kiosk.ui.screens.attract.frame import AheadComposer, FramePlan, Layer, at_opacity, image_layer, still_layer
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
from kiosk.ui.screens.attract.touch import TouchToWake
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

class AttractScreen(TouchToWake):
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
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        FillParent(self)
        self._turn = 0
        self._started = self.clock()
        self.paused_at: float | None = None
        """When the visitor paused the loop (None: it runs)."""
        self.pressed = False
        self._pixmaps: dict[int, QPixmap | None] = {}
        """Decoded stills of the slides on screen; None while decoding or when broken."""
        self._texts: AttractTexts | None = None
        self._captions: dict[int, QImage] = {}
        self._clip: AttractClip | None = None
        self._stand_in: QImage | None = None
        self._sharp = False
        self._timer = QTimer(self)
        self._pacer = FramePacer(self._timer)
        self._frames = AheadComposer()
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
        self._frames.forget()
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
        self.pressed = False
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
        self._frames.release()
        if self._clip is not None:
            self._clip.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._pixmaps.clear()  # decoded for the old size
        self._retranslate()

    def _retranslate(self) -> None:
        self._texts = None
        self._captions.clear()
        self._frames.forget()
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
        texts = self._lay_out()
        elapsed = self._elapsed()
        self._frames.paint(painter, self._plan(texts, elapsed), self._timer.interval())
        self._paint_call_to_action(painter, texts, elapsed)
        painter.end()
        self._pacer.painted((time.perf_counter() - began) * 1000)
        self._compose_next(texts, elapsed)
        sharp = not self.is_placeholder(self._turn % max(1, len(self.slides)))
        if sharp and not self._sharp:  # told before the glyphs come: this frame is the first
            self._sharp = True
            QTimer.singleShot(0, self, self.first_sharp.emit)
        if sharp and texts.icons is None:
            QTimer.singleShot(0, self, self._add_glyphs)  # the first sharp frame is on screen

    def _compose_next(self, texts: AttractTexts, elapsed: float) -> None:
        """During a crossfade, the next frame is composed on a worker while this one shows."""
        upcoming = elapsed if self.paused_at is not None else elapsed + self._timer.interval()
        if self.slides and self.timeline.turn(upcoming) == self._turn and self.timeline.fade(upcoming) > 0:
            self._frames.compose(self._plan(texts, upcoming))
        else:
            self._frames.release()

    def _add_glyphs(self) -> None:
        if self._texts is not None and self._texts.icons is None:
            add_glyphs(self.ctx, self._texts, self.devicePixelRatioF())
            self.update()

    def _plan(self, texts: AttractTexts, elapsed: float) -> FramePlan:
        """The frame at `elapsed` below the call to action: this turn's slide, the
        next one's fading in over it, the scrim, then both captions."""
        fade = self.timeline.fade(elapsed) if self.slides else 0.0
        turn = self._turn
        slides = [self._slide_layer(texts, turn, elapsed, 1.0)]
        if fade > 0:
            slides.append(self._slide_layer(texts, turn + 1, elapsed, fade))
        layers = [layer for layer, _ in slides]
        layers.append(partial(paint_scrim, ctx=self.ctx, width=self.width(), height=self.height(),
                              start=SCRIM_FROM))
        if self.slides:
            layers += [self._caption_layer(texts, shown, opacity)
                       for shown, opacity in self._captions_at(turn, fade) if opacity > 0]
        ratio = self.devicePixelRatioF()
        size = QSize(round(self.width() * ratio), round(self.height() * ratio))
        return FramePlan(turn, elapsed, size, ratio, layers, all(portable for _, portable in slides))

    def _captions_at(self, turn: int, fade: float) -> tuple[tuple[int, float], ...]:
        """Each caption with its opacity; one that stays (the next still is of the
        same exhibit) does not dim halfway through the crossfade."""
        if self.slides[turn % len(self.slides)].item is self.slides[(turn + 1) % len(self.slides)].item:
            return ((turn, 1.0),)
        return ((turn, 1.0 - fade), (turn + 1, fade))

    def _slide_layer(self, texts: AttractTexts, turn: int, elapsed: float,
                     opacity: float) -> tuple[Layer, bool]:
        """The slide's clip, its still or the placeholder; True: a worker may paint it."""
        index = turn % len(self.slides) if self.slides else 0
        clip, width, height, ratio = self._clip, self.width(), self.height(), self.devicePixelRatioF()
        if clip is not None and self.slides and clip.path == self.slides[index].clip and clip.has_frame:
            return at_opacity(opacity, partial(clip.paint, width=width, height=height)), False
        pixmap = self._pixmaps.get(index)
        if pixmap is None:  # no slides, still decoding, or broken
            return at_opacity(opacity, partial(paint_placeholder, ctx=self.ctx, texts=texts, width=width,
                                               height=height, ratio=ratio)), False
        margin = (max(0, pixmap.width() - round(width * ratio)), max(0, pixmap.height() - round(height * ratio)))
        reduced = self.ctx.theme.motion.reduced  # held still, centred, for visitors whom motion troubles
        drift = drift_at(0.5 if reduced else self.timeline.motion(elapsed, turn), margin)
        return at_opacity(opacity, still_layer(pixmap.toImage(), drift, ratio)), True

    def _caption_layer(self, texts: AttractTexts, turn: int, opacity: float) -> Layer:
        caption = self._caption(turn % len(self.slides), texts)
        bottom = texts.cta_box.top() - self.ctx.mm(self.ctx.theme.sizes.gap)
        at = QPointF(texts.margin, bottom - caption.deviceIndependentSize().height())
        return at_opacity(opacity, image_layer(caption, at))

    def _paint_call_to_action(self, painter: QPainter, texts: AttractTexts, elapsed: float) -> None:
        calm = self.ctx.theme.motion.reduced or self.paused_at is not None
        breath = 1.0 if calm else 0.5 - 0.5 * math.cos(2 * math.pi * elapsed / BREATH_MS)
        paint_call_to_action(painter, texts, self.ctx.theme.colours, self.pressed, breath,
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

    def _caption(self, index: int, texts: AttractTexts) -> QImage:
        if index not in self._captions:
            self._captions[index] = render_caption(self.ctx, self.slides[index].item.exhibit, texts,
                                                   self.rect(), self.devicePixelRatioF())
        return self._captions[index]

    def woken(self) -> None:
        """Attract mode hides when the model leaves it, after the window has
        taken its last frame to fade from."""
        slide = self.on_screen
        log.info("attract mode woken on %s", slide.item.id if slide else "no exhibit")
        self.ctx.visit.wake(slide.item.id if slide else None)
