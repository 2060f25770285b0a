"""The words on attract mode: the call to action in every language and each
exhibit's caption, laid out once per size and language."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QLinearGradient, QPainter, QPixmap

from kiosk.content.schema import Exhibit
from kiosk.ui.context import Context
from kiosk.ui.fonts import kiosk_font
from kiosk.ui.icons import icon
from kiosk.ui.theme import Colours

CTA_PT = 44.0
"""The call to action reads from a few steps away."""


@dataclass
class AttractTexts:
    """Fonts and places of the texts, worked out once per size and language."""

    margin: int
    title_font: QFont
    subtitle_font: QFont
    cta: list[tuple[str, QFont, QRect]]
    cta_box: QRect
    icon_at: QRect
    radius: float
    icons: tuple[QPixmap, QPixmap] | None = None
    """The touch glyph, normally and on the pressed call to action..."""
    placeholder: QPixmap | None = None
    """...and the film glyph of a missing still: drawn by `add_glyphs` after
    the first frame, since loading the icon fonts costs a tenth of a second."""


def lay_out_texts(ctx: Context, rect: QRect, ratio: float,
                  call_to_action: list[tuple[str, str]]) -> AttractTexts:
    """Fonts and places of the call to action and the captions for a screen `rect`."""
    sizes = ctx.theme.sizes
    margin, pad = ctx.grid.margin, ctx.mm(sizes.gap)
    cta_px = ctx.metrics.font_px(CTA_PT)
    fonts = [(text, kiosk_font(cta_px, True, language))
             for language, text in call_to_action]
    parts = [(text, font, QFontMetrics(font).horizontalAdvance(text)) for text, font in fonts]
    line_height = max((QFontMetrics(font).height() for _, font in fonts), default=cta_px)
    icon_side = round(line_height * 1.2)
    available = rect.width() - 2 * margin - icon_side - 4 * pad
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
    box.moveCenter(rect.center())
    box.moveBottom(rect.height() - margin // 2)
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
    return AttractTexts(margin, ctx.paint_font(sizes.title_pt, bold=True), ctx.paint_font(sizes.body_pt),
                         placed, box, icon_at, min(box.height(), line_height + pad) / 2)


def add_glyphs(ctx: Context, texts: AttractTexts, ratio: float) -> None:
    """The glyphs of `texts`, drawn from the icon fonts."""
    colours = ctx.theme.colours
    texts.icons = (icon("touch", colours.accent).pixmap(texts.icon_at.size(), ratio),
                   icon("touch", colours.accent_text).pixmap(texts.icon_at.size(), ratio))
    film = ctx.mm(40)
    texts.placeholder = icon("film", colours.text_muted).pixmap(QSize(film, film), ratio)


def caption_lines(ctx: Context, exhibit: Exhibit) -> list[tuple[str, str]]:
    """(text, role) lines of a slide's caption: the title in the kiosk's
    language, the title in every other enabled language it is written in (so
    a visitor passing by finds their own), then the subtitle."""
    title = ctx.text(exhibit, exhibit.title)
    others: list[str] = []
    for language in ctx.visit.languages:
        if language != ctx.language and language in exhibit.all_languages:
            other = exhibit.text(exhibit.title, language)
            if other not in (title, *others):
                others.append(other)
    details = (exhibit.year, ctx.text(exhibit, exhibit.country))
    subtitle = (ctx.text(exhibit, exhibit.subtitle)
                or " \u00b7 ".join(str(part) for part in details if part))
    lines = [(title, "title")]
    if others:
        lines.append(("\u2003·\u2003".join(others), "other_titles"))
    if subtitle:
        lines.append((subtitle, "subtitle"))
    return lines


def render_caption(ctx: Context, exhibit: Exhibit, texts: AttractTexts, rect: QRect,
                   ratio: float) -> QImage:
    """The caption's lines (`caption_lines`), drawn once per slide so that a
    frame only blends it in (an image: crossfade frames are composed on a worker)."""
    width = rect.width() - 2 * texts.margin
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    styles = {"title": (texts.title_font, "text"), "other_titles": (texts.subtitle_font, "text"),
              "subtitle": (texts.subtitle_font, "text_muted")}
    lines = [(text, *styles[role]) for text, role in caption_lines(ctx, exhibit)]
    boxes = [QFontMetrics(font).boundingRect(QRect(0, 0, width, rect.height()), flags, text)
             for text, font, _ in lines]
    gap = ctx.mm(2)
    height = sum(box.height() for box in boxes) + gap * (len(boxes) - 1)
    image = QImage(math.ceil(width * ratio), math.ceil(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    top = 0
    for (text, font, colour), box in zip(lines, boxes):
        painter.setFont(font)
        painter.setPen(ctx.theme.colour(colour))
        painter.drawText(QRect(0, top, width, box.height()), flags, text)
        top += box.height() + gap
    painter.end()
    return image


def paint_placeholder(painter: QPainter, ctx: Context, texts: AttractTexts, width: int, height: int,
                      ratio: float) -> None:
    """A missing or still decoding picture: a calm, dark field with a film glyph."""
    gradient = QLinearGradient(0, 0, 0, height)
    gradient.setColorAt(0, ctx.theme.colour("surface"))
    gradient.setColorAt(1, ctx.theme.colour("background"))
    painter.fillRect(0, 0, width, height, gradient)
    if texts.placeholder is None:
        return
    opacity = painter.opacity()
    painter.setOpacity(opacity * 0.25)
    side = texts.placeholder.width() / ratio
    painter.drawPixmap(QPointF((width - side) / 2, height * 0.3 - side / 2), texts.placeholder)
    painter.setOpacity(opacity)


def paint_scrim(painter: QPainter, ctx: Context, width: int, height: int, start: float) -> None:
    """Darkens the screen from `start` (a share of its height) down, so that the texts read on any still."""
    painter.setOpacity(1.0)
    top = round(height * start)
    gradient = QLinearGradient(0, top, 0, height)
    scrim = ctx.theme.colour("scrim")
    for stop, alpha in ((0.0, 0), (0.45, 150), (1.0, 225)):
        scrim.setAlpha(alpha)
        gradient.setColorAt(stop, scrim)
    painter.fillRect(QRect(0, top, width, height - top), gradient)


def paint_call_to_action(painter: QPainter, texts: AttractTexts, colours: Colours, pressed: bool,
                         breath: float, line_width: float) -> None:
    """The call to action's box: an accent outline that breathes (`breath` 0 to 1, held at 1 in
    reduced motion), filled with the accent while a finger is down."""
    radius = texts.radius
    painter.setOpacity(1.0)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    fill = QColor(colours.accent if pressed else colours.background)
    fill.setAlpha(255 if pressed else 190)
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(texts.cta_box), radius, radius)
    painter.setOpacity(1.0 if pressed else 0.72 + 0.28 * breath)
    painter.setPen(QColor(colours.accent))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = line_width / 2
    painter.drawRoundedRect(QRectF(texts.cta_box).adjusted(inset, inset, -inset, -inset), radius, radius)
    painter.setOpacity(1.0)
    if texts.icons is not None:
        painter.drawPixmap(texts.icon_at.topLeft(), texts.icons[pressed])
    painter.setPen(QColor(colours.accent_text if pressed else colours.text))
    for text, font, rect in texts.cta:
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
