"""The arithmetic of fitting a picture into a box, shared by decoding and painting.

"Cover" fills the box: the picture is scaled so that both sides reach the
box, then cropped around its focus point. Plain Python, no Qt, so that the
decoder, the attract loop's motion and the tests agree on one formula.
"""

from __future__ import annotations

import math

Size = tuple[int, int]
Rect = tuple[int, int, int, int]
"""x, y, width, height"""


def cover_size(source: Size, box: Size) -> Size:
    """The size `source` is scaled to so that it covers `box`."""
    scale = max(box[0] / source[0], box[1] / source[1])
    return math.ceil(source[0] * scale), math.ceil(source[1] * scale)


def contain_size(source: Size, box: Size) -> Size:
    """The size `source` is shrunk to so that it fits inside `box`; never enlarged."""
    if source[0] <= box[0] and source[1] <= box[1]:
        return source
    width = box[1] * source[0] // source[1]  # as Qt's QSize.scaled(KeepAspectRatio) rounds
    if width <= box[0]:
        return max(1, width), box[1]
    return box[0], max(1, box[0] * source[1] // source[0])


def _crop_start(focus: float, scaled: int, crop: int) -> int:
    return max(0, min(round(focus * scaled - crop / 2), scaled - crop))


def crop_around(scaled: Size, box: Size, focus: tuple[float, float]) -> Rect:
    """The part of a picture of size `scaled` that `box` shows, centred on the
    focus point as far as the picture's edges allow."""
    width, height = min(box[0], scaled[0]), min(box[1], scaled[1])
    return (_crop_start(focus[0], scaled[0], width), _crop_start(focus[1], scaled[1], height),
            width, height)

