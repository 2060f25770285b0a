"""JPEG stills shown up to about 1080p go through Pillow's libjpeg-turbo, scaled in the decoder, with
their EXIF rotation; anything Pillow cannot read still gets Qt's decoder."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PIL.JpegImagePlugin import JpegImageFile

from kiosk.media import images
from kiosk.media.images import Fit, ImageKey, decode


def _jpeg(path, orientation: int = 1, size=(800, 400)):
    """Left half red, right half blue, as stored; `orientation` as EXIF says."""
    picture = Image.new("RGB", size, (220, 20, 20))
    picture.paste((20, 20, 220), (size[0] // 2, 0, size[0], size[1]))
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=95, exif=exif.tobytes())
    path.write_bytes(buffer.getvalue())
    return path


def _colour(image, x, y):
    colour = image.pixelColor(x, y)
    return "red" if colour.red() > colour.blue() else "blue"


def test_a_jpeg_is_scaled_inside_pillows_decoder(qapp, tmp_path, monkeypatch):
    asked = []
    original = JpegImageFile.draft
    monkeypatch.setattr(JpegImageFile, "draft",
                        lambda self, mode, size: asked.append(size) or original(self, mode, size))
    image = decode(ImageKey(_jpeg(tmp_path / "a.jpg"), 200, 100, Fit.CONTAIN))
    assert asked == [(200, 100)]
    assert (image.width(), image.height()) == (200, 100)
    assert _colour(image, 20, 50) == "red" and _colour(image, 180, 50) == "blue"


@pytest.mark.parametrize("orientation, first, second", [(6, "red", "blue"), (8, "blue", "red")])
def test_an_exif_rotated_jpeg_is_shown_upright(qapp, tmp_path, orientation, first, second):
    path = _jpeg(tmp_path / "turned.jpg", orientation)
    assert images.displayed_size(path).toTuple() == (400, 800)
    image = decode(ImageKey(path, 100, 200, Fit.CONTAIN))
    assert (image.width(), image.height()) == (100, 200)
    assert _colour(image, 50, 20) == first and _colour(image, 50, 180) == second


def test_what_pillow_cannot_read_goes_to_qt(qapp, tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise OSError("no")
    monkeypatch.setattr(Image, "open", refuse)
    image = decode(ImageKey(_jpeg(tmp_path / "a.jpg"), 200, 100, Fit.CONTAIN))
    assert (image.width(), image.height()) == (200, 100) and _colour(image, 20, 50) == "red"
