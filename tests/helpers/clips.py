"""Small clips made on the spot with PyAV: a codec the kiosk must refuse, or a
short loop whose every frame shows where it is."""

from __future__ import annotations

from pathlib import Path

FPS = 25


def make_clip(path: Path, seconds: float = 1.0, codec: str = "libx264", size: tuple[int, int] = (320, 180)) -> Path:
    import av
    import numpy as np

    width, height = size
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(round(seconds * FPS)):
            picture = np.full((height, width, 3), (index * 8) % 256, np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path
