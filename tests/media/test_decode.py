"""JPEG stills go through simplejpeg's libjpeg-turbo, scaled in the decoder,
straight into a QImage in Qt's native layout, turned as EXIF says; anything
simplejpeg refuses still gets Qt's decoder."""

from __future__ import annotations

import io

import pytest
import simplejpeg
from PIL import Image
from PySide6.QtGui import QImage, QImageReader

from kiosk.media import images
from kiosk.media.images import Fit, ImageKey, decode

QUADRANTS = {"red": (220, 20, 20), "blue": (20, 20, 220), "green": (20, 200, 20), "white": (235, 235, 235)}


def _jpeg(path, orientation: int = 1, size=(800, 400), mode="RGB"):
    """Quadrants as stored: red top left, blue top right, green bottom left,
    white bottom right; `orientation` as EXIF says."""
    picture = Image.new("RGB", size, QUADRANTS["red"])
    half = (size[0] // 2, size[1] // 2)
    picture.paste(QUADRANTS["blue"], (half[0], 0, size[0], half[1]))
    picture.paste(QUADRANTS["green"], (0, half[1], half[0], size[1]))
    picture.paste(QUADRANTS["white"], (half[0], half[1], size[0], size[1]))
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    picture.convert(mode).save(buffer, "JPEG", quality=95, exif=exif.tobytes())
    path.write_bytes(buffer.getvalue())
    return path


def _colour(image: QImage, x: int, y: int) -> str:
    colour = image.pixelColor(x, y)
    seen = (colour.red(), colour.green(), colour.blue())
    return min(QUADRANTS, key=lambda name: sum(abs(a - b) for a, b in zip(QUADRANTS[name], seen, strict=True)))


def _corners(image: QImage) -> list[str]:
    width, height = image.width(), image.height()
    return [_colour(image, x, y) for y in (height // 4, 3 * height // 4) for x in (width // 4, 3 * width // 4)]


def test_a_jpeg_is_scaled_inside_the_decoder_into_qts_own_layout(qapp, tmp_path, monkeypatch):
    asked = []
    original = simplejpeg.decode_jpeg
    monkeypatch.setattr(simplejpeg, "decode_jpeg",
                        lambda data, **options: asked.append(options) or original(data, **options))
    image = decode(ImageKey(_jpeg(tmp_path / "a.jpg"), 200, 100, Fit.CONTAIN))
    assert [(options["min_width"], options["min_height"]) for options in asked] == [(200, 100)]
    assert (image.width(), image.height()) == (200, 100)
    assert image.format() == QImage.Format.Format_RGB32  # drawn and made a pixmap without a conversion
    assert _corners(image) == ["red", "blue", "green", "white"]


def test_a_size_between_the_decoders_steps_is_resampled_to_the_exact_size(qapp, tmp_path):
    image = decode(ImageKey(_jpeg(tmp_path / "a.jpg"), 300, 300, Fit.CONTAIN))
    assert (image.width(), image.height()) == (300, 150)
    assert _corners(image) == ["red", "blue", "green", "white"]


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_shown_as_qts_own_reader_shows_it(qapp, tmp_path, orientation):
    path = _jpeg(tmp_path / "turned.jpg", orientation)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    expected = reader.read()
    assert images.displayed_size(path).toTuple() == expected.size().toTuple()
    image = decode(ImageKey(path, expected.width() // 2, expected.height() // 2, Fit.CONTAIN))
    assert image.size().toTuple() == (expected.width() // 2, expected.height() // 2)
    assert _corners(image) == _corners(expected)


def test_a_greyscale_jpeg_is_grey(qapp, tmp_path):
    image = decode(ImageKey(_jpeg(tmp_path / "grey.jpg", mode="L"), 200, 100, Fit.CONTAIN))
    colour = image.pixelColor(150, 75)
    assert colour.red() == colour.green() == colour.blue() > 200


def test_a_cmyk_jpeg_which_simplejpeg_refuses_goes_to_qt(qapp, tmp_path):
    image = decode(ImageKey(_jpeg(tmp_path / "print.jpg", mode="CMYK"), 200, 100, Fit.CONTAIN))
    assert (image.width(), image.height()) == (200, 100)
    assert _corners(image) == ["red", "blue", "green", "white"]


def test_what_simplejpeg_cannot_read_goes_to_qt(qapp, tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise ValueError("no")
    monkeypatch.setattr(simplejpeg, "decode_jpeg", refuse)
    image = decode(ImageKey(_jpeg(tmp_path / "a.jpg"), 200, 100, Fit.CONTAIN))
    assert (image.width(), image.height()) == (200, 100) and _corners(image)[0] == "red"
