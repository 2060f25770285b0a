"""The cover-fit arithmetic, and that the decoder crops where it says."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from kiosk.media.crop import contain_size, cover_size, crop_around
from kiosk.media.images import Fit, ImageKey, decode


def test_cover_fills_the_box_and_contain_never_enlarges():
    assert cover_size((400, 200), (150, 150)) == (300, 150)
    assert contain_size((400, 200), (200, 200)) == (200, 100)
    assert contain_size((40, 20), (200, 200)) == (40, 20)


def test_the_crop_centres_the_focus_as_far_as_the_edges_allow():
    assert crop_around((300, 150), (150, 150), (0.5, 0.5)) == (75, 0, 150, 150)
    assert crop_around((300, 150), (150, 150), (0.95, 0.5)) == (150, 0, 150, 150)
    assert crop_around((300, 150), (150, 150), (0.0, 0.5)) == (0, 0, 150, 150)


def test_the_focus_point_is_found_where_the_decoder_put_it(qapp, tmp_path):
    path = tmp_path / "wide.png"
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    focus = (0.85, 0.3)
    x, y = round(focus[0] * 400), round(focus[1] * 200)
    for dx in range(-3, 4):
        for dy in range(-3, 4):
            image.setPixelColor(x + dx, y + dy, QColor("red"))
    image.save(str(path))
    decoded = decode(ImageKey(path, 150, 150, Fit.COVER, focus))
    scaled = cover_size((400, 200), (decoded.width(), decoded.height()))
    left, top, _, _ = crop_around(scaled, (decoded.width(), decoded.height()), focus)
    fx, fy = focus[0] * scaled[0] - left, focus[1] * scaled[1] - top
    assert fx > 100  # near the edge the crop cannot centre it (75)
    assert decoded.pixelColor(round(fx), round(fy)).red() > 200
