"""Makes the bundled clips from the exhibits' own illustrations, deterministically:

    .venv/bin/python tools/make_clips.py        (needs PyAV, numpy and espeak-ng)

Per film, one 20-second clip (H.264 and AAC in MP4, 1280x720 at 25 fps): four
illustrations with slow camera moves and crossfades, the film's title over the
first; a synthetic ambient soundtrack (no speech: the narration is captioned);
a second audio track with a spoken audio description (espeak-ng, English);
its poster (the opening image under the title);
and captions in English, Chinese and Russian. Every file is an illustration
made for this exhibition, not footage from the films, and is credited so.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT, FPS = 1280, 720, 25
SEGMENT_S, FADE_FRAMES = 5, 12
RATE = 48_000
FONT = ROOT / "assets" / "fonts" / "NotoSans-Bold.ttf"
POSTER_FRAME = 2 * FPS
"""The poster is this frame of the clip: its opening image under the title."""


@dataclass(frozen=True)
class Segment:
    still: str
    narration: dict[str, str]
    description: str


CLIPS = {
    "shenzhou-13": ("SHENZHOU 13", [
        Segment("stills/earth-8k.jpg", {
            "en": "For 183 days, three astronauts lived aboard China's space station.",
            "zh": "三位航天员在中国空间站生活了183天。",
            "ru": "Три космонавта 183 дня жили на китайской космической станции."},
            "The curved rim of the Earth at dawn, with a small space station high above."),
        Segment("stills/cabin.png", {
            "en": "Between experiments, they filmed their own daily life.",
            "zh": "在实验间隙，他们拍下了自己的日常生活。",
            "ru": "В перерывах между опытами они снимали свою жизнь на борту."},
            "Inside a bright white module, an astronaut in a blue suit floats by a round window."),
        Segment("stills/camera.jpg", {
            "en": "An 8K camera, sent up by cargo ship, caught every detail.",
            "zh": "货运飞船送来的8K摄影机记录下每一个细节。",
            "ru": "Камера 8K, доставленная грузовым кораблём, снимала каждую деталь."},
            "A cinema camera on a tripod faces a large window with the Earth beyond."),
        Segment("stills/crew.jpg", {
            "en": "Their footage became a film about home, seen from above.",
            "zh": "这些影像成为一部从太空回望家园的电影。",
            "ru": "Из этих кадров вышел фильм о доме, увиденном сверху."},
            "Three astronauts float together; one films, one looks out at the Earth, one waves."),
    ]),
    "the-challenge": ("THE CHALLENGE", [
        Segment("stills/launch.jpg", {
            "en": "In 2021 a Soyuz carried an actress and a director to the station.",
            "zh": "2021年，一艘联盟号飞船把一名女演员和一名导演送上空间站。",
            "ru": "В 2021 году «Союз» доставил на станцию актрису и режиссёра."},
            "A white Soyuz rocket rises at dawn on a bright flame between two tall masts."),
        Segment("stills/module.png", {
            "en": "For twelve days they filmed scenes of a feature film in orbit.",
            "zh": "他们在轨道上用十二天拍摄了一部故事片的场景。",
            "ru": "Двенадцать дней они снимали на орбите сцены художественного фильма."},
            "In a cramped module, a woman floats with her hair drifting while a camera operator films her."),
        Segment("stills/surgery.jpg", {
            "en": "The story: a surgeon flies up to save a cosmonaut's life.",
            "zh": "故事讲述一名外科医生飞上太空，拯救一名宇航员的生命。",
            "ru": "Сюжет: хирург летит на орбиту спасать жизнь космонавта."},
            "A surgeon in teal scrubs and a mask floats over a patient strapped to a bed."),
        Segment("stills/earth-window.jpg", {
            "en": "No studio could fake the light and the weightlessness.",
            "zh": "任何摄影棚都无法伪造那样的光线和失重。",
            "ru": "Ни одна студия не подделает такой свет и невесомость."},
            "A hand presses against a round window that looks out on the blue Earth."),
    ]),
}


def _still(path: Path) -> Image.Image:
    image = Image.open(path).convert("RGB")
    image.thumbnail((1920, 1920))
    return image


def _camera_frame(image: Image.Image, progress: float, zoom_in: bool) -> Image.Image:
    """A 16:9 window moving slowly over `image` (a Ken Burns move)."""
    aspect = WIDTH / HEIGHT
    base_w = min(image.width, image.height * aspect)
    scale = 1.0 - 0.12 * (progress if zoom_in else 1 - progress)
    w, h = base_w * scale, base_w * scale / aspect
    x = (image.width - w) * (0.3 + 0.4 * progress)
    y = (image.height - h) * 0.5
    return image.resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR, box=(x, y, x + w, y + h))


def _title(frame: Image.Image, title: str, alpha: float) -> Image.Image:
    layer = Image.new("RGBA", frame.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    font = ImageFont.truetype(str(FONT), 84)
    box = draw.textbbox((0, 0), title, font=font)
    x, y = (WIDTH - box[2]) // 2, HEIGHT // 2 - box[3]
    draw.rectangle((0, y - 30, WIDTH, y + box[3] + 90), fill=(0, 0, 0, int(140 * alpha)))  # legible on clouds
    draw.text((x, y), title, font=font, fill=(255, 255, 255, int(255 * alpha)))
    credit = ImageFont.truetype(str(FONT), 30)
    note = "Illustrations made for this exhibition"
    draw.text(((WIDTH - draw.textlength(note, font=credit)) // 2, y + box[3] + 30), note, font=credit,
              fill=(230, 230, 230, int(230 * alpha)))
    return Image.alpha_composite(frame.convert("RGBA"), layer).convert("RGB")


def frames(exhibit: Path, title: str, segments: list[Segment]):  # type: ignore[no-untyped-def]
    stills = [_still(exhibit / segment.still) for segment in segments]
    per = SEGMENT_S * FPS
    for index, image in enumerate(stills):
        for step in range(per):
            frame = _camera_frame(image, step / per, index % 2 == 0)
            if step >= per - FADE_FRAMES and index + 1 < len(stills):
                following = _camera_frame(stills[index + 1], 0.0, (index + 1) % 2 == 0)
                frame = Image.blend(frame, following, (step - per + FADE_FRAMES + 1) / (FADE_FRAMES + 1))
            if index == 0 and step < per - FADE_FRAMES:
                frame = _title(frame, title, min(1.0, step / 20, (per - FADE_FRAMES - step) / 20))
            yield frame


def ambient(seconds: float, seed: int) -> np.ndarray:
    """A slow, quiet pad: three low tones breathing, and a little soft noise."""
    t = np.arange(int(seconds * RATE)) / RATE
    rng = np.random.default_rng(seed)
    tones = sum(np.sin(2 * np.pi * f * t) * (0.5 + 0.5 * np.sin(2 * np.pi * t / p))
                for f, p in ((110.0, 7.0), (164.8, 9.0), (220.0, 11.0)))
    noise = np.convolve(rng.standard_normal(t.size), np.ones(200) / 200, mode="same")
    sound = 0.05 * tones + 0.4 * noise
    fade = np.minimum(1.0, np.minimum(t, seconds - t) / 1.5)
    return (sound * fade).astype(np.float32)


def spoken(text: str) -> np.ndarray:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "speech.wav"
        subprocess.run(["espeak-ng", "-v", "en-gb", "-s", "150", "-w", str(path), text], check=True)
        with wave.open(str(path)) as wav:
            rate, data = wav.getframerate(), wav.readframes(wav.getnframes())
    samples = np.frombuffer(data, dtype=np.int16).astype(np.float32) / 32768
    times = np.arange(int(samples.size * RATE / rate)) / RATE
    return np.interp(times, np.arange(samples.size) / rate, samples).astype(np.float32)


def described(base: np.ndarray, segments: list[Segment]) -> np.ndarray:
    track = base * 0.5
    for index, segment in enumerate(segments):
        voice = spoken(segment.description)
        start = int((index * SEGMENT_S + 0.3) * RATE)
        end = min(track.size, start + voice.size)
        track[start:end] += 0.8 * voice[: end - start]
    return np.clip(track, -1, 1)


def _mux_audio(container, stream, samples: np.ndarray) -> None:  # type: ignore[no-untyped-def]
    for start in range(0, samples.size, 1024):
        chunk = samples[start:start + 1024]
        frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate, frame.pts = RATE, start
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode(None):
        container.mux(packet)


def write_clip(out: Path, exhibit: Path, title: str, segments: list[Segment]) -> None:
    seconds = len(segments) * SEGMENT_S
    base = ambient(seconds, seed=len(title))
    with av.open(str(out), "w", options={"movflags": "+faststart"}) as container:
        container.metadata["title"] = f"{title} (illustrated clip made for this exhibition)"
        video = container.add_stream("libx264", rate=FPS)
        video.width, video.height, video.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        video.options = {"crf": "30", "preset": "medium", "threads": "1", "tune": "stillimage"}
        main = container.add_stream("aac", rate=RATE)
        description = container.add_stream("aac", rate=RATE)
        main.metadata["title"], description.metadata["title"] = "Soundtrack", "Audio description (English)"
        main.metadata["language"] = description.metadata["language"] = "eng"
        for index, frame in enumerate(frames(exhibit, title, segments)):
            if index == POSTER_FRAME:
                frame.save(out.with_name(out.stem + "-poster.jpg"), quality=85)
            for packet in video.encode(av.VideoFrame.from_image(frame)):
                container.mux(packet)
        for packet in video.encode(None):
            container.mux(packet)
        _mux_audio(container, main, base)
        _mux_audio(container, description, described(base, segments))


def _stamp(seconds: float) -> str:
    return f"00:{int(seconds) // 60:02d}:{seconds % 60:06.3f}"


def write_captions(folder: Path, name: str, segments: list[Segment]) -> None:
    for language in ("en", "zh", "ru"):
        cues = [f"{index + 1}\n{_stamp(index * SEGMENT_S + 0.5)} --> {_stamp((index + 1) * SEGMENT_S - 0.3)}\n"
                f"{segment.narration[language]}\n" for index, segment in enumerate(segments)]
        (folder / f"{name}.{language}.vtt").write_text("WEBVTT\n\n" + "\n".join(cues), encoding="utf-8")


def main() -> int:
    for exhibit_id, (title, segments) in CLIPS.items():
        exhibit = ROOT / "exhibits" / exhibit_id
        folder = exhibit / "clips"
        folder.mkdir(exist_ok=True)
        write_clip(folder / "illustrated.mp4", exhibit, title, segments)
        write_captions(folder, "illustrated", segments)
        print(f"{folder}: {(folder / 'illustrated.mp4').stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
