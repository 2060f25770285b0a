"""Stills for SHENZHOU 13: China's station, the 8K dawn over the Earth's rim, life and work aboard."""

from __future__ import annotations

import math

from PIL import ImageChops, ImageDraw

from stills import Pen, box, glow, gradient, grain, mix, place, shape, shine, silhouette, stars, text_tile, vignette
from stills.craft import sprite, station, tiangong, tianhe_parts, tianzhou
from stills.planet import earth, space
from stills.scenery import (
    CHINA,
    CHINA_WORDS,
    POSE_FILMING,
    POSE_FLOAT,
    POSE_WAVE,
    POSE_WINDOW,
    SKIN,
    cine_camera,
    handheld,
    interior,
    person,
    porthole,
)

BLUE_SUIT = (40, 92, 172)


def sunrise(img, sx, sy, h):
    """The sun just clear of the limb: a white disc, a wide warm glow and a flare along the horizon."""
    w = img.width
    shine(img, shape(img.size, lambda m: m.ellipse(box(sx, sy, 0.14 * w, 0.006 * h), fill=255), 0.008 * h), (255, 205, 150))
    shine(img, shape(img.size, lambda m: m.ellipse(box(sx, sy, 0.05 * w, 0.0025 * h), fill=255), 0.002 * h), (255, 240, 220))
    glow(img, sx, sy, 0.12 * h, (255, 236, 205), 1.0)
    for a in (8, 62, 118, 172, 232, 300):  # faint thin rays
        t = math.radians(a)
        ray = [(sx + math.cos(t + d) * 0.09 * h, sy + math.sin(t + d) * 0.09 * h) for d in (-0.008, 0.008)]
        shine(img, shape(img.size, lambda m, ray=ray: m.polygon([(sx, sy), *ray], fill=40), 0.002 * h), (255, 236, 210))
    ImageDraw.Draw(img).ellipse(box(sx, sy, 0.008 * h, 0.0072 * h), fill=(255, 253, 245))
    glow(img, sx, sy, 0.03 * h, (255, 255, 250), 1.0)


def sz_tile(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (1, 2, 8)), (1, (8, 14, 34))]))
    stars(img, rng, 5000)
    earth(img, rng, 0.3 * w, 2.65 * h, 1.95 * h, (-0.4, -0.8, 0.5), cover=0.45, land=0.33, storms=1, streets=2)
    sprite(img, rng, 0.6 * w, 0.38 * h, 54, 0.0085 * w, -14, tiangong, centre=(0, 2))


def sz_earth8k(img, rng):
    w, h = img.size
    cx, cy, r = 0.45 * w, 4.6 * h, 4.15 * h
    sx = 0.73 * w  # the sun rises where the terminator meets the limb
    sy = cy - math.sqrt(r * r - (sx - cx) ** 2)
    img.paste(gradient(img.size, [(0, (0, 0, 4)), (1, (4, 8, 22))]))
    stars(img, rng, 16000)
    glow(img, sx, sy, 0.7 * h, (255, 130, 60), 0.35)
    earth(img, rng, cx, cy, r, (-1, -0.12, 0), cover=0.5, land=0.36, cities=900, soft=0.25, storms=2, streets=4,
          fleets=6, lightning=4, airglow=0.35, bias=[(0.87 * w, 0.8 * h, 0.1, 70), (0.8 * w, 0.62 * h, 0.05, 40)],
          clear=[(0.88 * w, 0.78 * h, 0.07, 120), (0.8 * w, 0.6 * h, 0.04, 120), (0.12 * w, 0.75 * h, 0.08, -60)],
          glint=(sx - 0.03 * w, sy + 0.006 * h, 0.05 * w, 0.004 * h))
    sunrise(img, sx, sy, h)
    sprite(img, rng, 0.15 * w, 0.21 * h, 46, 34, 14, station, centre=(-11, 0))


def sz_cabin(img, rng):
    w, h = img.size
    view = space(img.size, rng, 0.2, 1.2, 0.72, (-0.3, -0.6, 0.7), res=0.5)
    interior(img, rng, (0.58 * w, 0.45 * h), CHINA, clutter=0.35, window=("left", 1, 0.5, 0.5, view), labels=CHINA_WORDS)
    person(Pen(ImageDraw.Draw(img), 0.44 * w, 0.52 * h, 0.026 * h, -30), POSE_FLOAT, BLUE_SUIT, SKIN, (30, 28, 32), "short",
           patch=True)
    vignette(img, 0.35)


def sz_camera(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (26, 30, 42)), (1, (10, 12, 18))]))
    grain(img, rng, 0.05, 3)
    d = ImageDraw.Draw(img)
    for x in (0.2, 0.98):  # wall panel seams and rivets
        d.line([(x * w, 0), (x * w, h)], fill=(14, 16, 24), width=max(2, int(0.002 * w)))
        for i in range(12):
            d.ellipse(box((x - 0.008) * w, (i + 0.5) / 12 * h, 0.002 * w), fill=(40, 44, 58))
    porthole(img, space(img.size, rng, 0.68, 0.98, 0.42, (-0.6, -0.5, 0.6), res=0.5, cities=40), 0.6 * w, 0.47 * h, 0.36 * h,
             placard=["观察窗 2", "WINDOW 2"])
    glow(img, 0.6 * w, 0.5 * h, 0.8 * h, (40, 80, 150), 0.5)
    cam = Pen(ImageDraw.Draw(img), 0.33 * w, 0.56 * h, 0.017 * w)
    mask = silhouette(img, lambda m: cine_camera(Pen(ImageDraw.Draw(m), cam.ox, cam.oy, cam.u, mono=255)),
                      (8, 9, 12), (110, 160, 230), (-int(0.004 * w), 0))
    d = ImageDraw.Draw(img)
    for a, b in (((-6, -1.2), (4, -1.2)), ((-6, 1.6), (4, 1.6)), ((4, -0.4), (9.5, -0.4))):  # faint panel lines
        d.line([cam.pt(*a), cam.pt(*b)], fill=(20, 22, 28), width=max(1, int(0.0012 * w)))
    d.ellipse(box(*cam.pt(-4.6, -2.8), 0.003 * w), fill=(255, 60, 50))
    glow(img, *cam.pt(-4.6, -2.8), 0.02 * w, (255, 60, 40), 0.5)
    screen = [cam.pt(-2.2, -10.5), cam.pt(3.3, -10.5), cam.pt(3.3, -7.9), cam.pt(-2.2, -7.9)]
    d.polygon(screen, fill=(22, 40, 70))
    place(img, text_tile(["8K  50p"], 0.011 * w, (120, 180, 255)), *cam.pt(0.55, -9.2))
    shine(img, ImageChops.multiply(shape(img.size, lambda m: m.polygon(screen, fill=255), 0.01 * w), mask), (30, 60, 110))
    vignette(img, 0.4)


def sz_experiment(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (34, 40, 54)), (1, (14, 16, 24))]))
    d = ImageDraw.Draw(img)
    for x in (0.12, 0.88):
        d.line([(x * w, 0), (x * w, h)], fill=(24, 28, 38), width=int(0.006 * w))
    metal = gradient((int(0.5 * w), int(0.94 * h)), [(0, (96, 102, 114)), (0.12, (176, 182, 192)), (0.5, (150, 156, 168)), (1, (84, 90, 102))], True)
    img.paste(metal, (int(0.25 * w), int(0.03 * h)), shape(metal.size, lambda m: m.rounded_rectangle((0, 0, *metal.size), int(0.025 * w), fill=255)))
    d.rounded_rectangle((0.29 * w, 0.07 * h, 0.71 * w, 0.17 * h), int(0.01 * w), fill=(36, 40, 50))
    for i in range(6):
        d.ellipse(box((0.33 + i * 0.026) * w, 0.12 * h, 0.007 * w), fill=rng.choice(((90, 230, 130), (90, 170, 255), (255, 190, 70))))
    for i in range(3):
        d.rounded_rectangle(((0.52 + i * 0.055) * w, 0.095 * h, (0.555 + i * 0.055) * w, 0.145 * h), int(0.004 * w), fill=(70, 80, 98))
    cx, cy = 0.5 * w, 0.47 * h
    for grow, col in ((0.035, (70, 76, 88)), (0.02, (126, 132, 146)), (0, (30, 12, 10))):
        d.rounded_rectangle(((0.33 - grow) * w, (0.22 - grow) * h, (0.67 + grow) * w, (0.72 + grow) * h), int((0.17 + grow) * w), fill=col)
    chamber = shape(img.size, lambda m: m.rounded_rectangle((0.33 * w, 0.22 * h, 0.67 * w, 0.72 * h), int(0.17 * w), fill=255))
    for i in range(8):
        y = (0.31 + i * 0.046) * h
        d.ellipse(box(cx, y, 0.13 * w, 0.02 * w), outline=mix((255, 150, 60), (120, 40, 20), abs(y - cy) / (0.2 * h)), width=int(0.006 * w))
    for y0, y1 in ((0.2 * h, cy - 0.07 * h), (0.74 * h, cy + 0.07 * h)):
        d.rectangle((cx - 0.012 * w, min(y0, y1), cx + 0.012 * w, max(y0, y1)), fill=(170, 160, 156))
        d.ellipse(box(cx, y1, 0.02 * w), fill=(200, 190, 184))
    for rad, col in ((0.5 * w, (255, 100, 30)), (0.2 * w, (255, 180, 80)), (0.07 * w, (255, 250, 225))):
        shine(img, ImageChops.multiply(shape(img.size, lambda m, rad=rad: m.ellipse(box(cx, cy, rad * 0.45), fill=255), rad * 0.4), chamber), col)
    glow(img, cx, cy, 0.7 * w, (255, 120, 40), 0.3)
    d.ellipse(box(cx, cy, 0.035 * w), fill=(255, 252, 238))
    for x in (0.265, 0.735):
        for y in (0.3, 0.62):
            d.rounded_rectangle(((x - 0.012) * w, y * h, (x + 0.012) * w, (y + 0.06) * h), int(0.005 * w), fill=(96, 102, 114))
    for y0 in (0.78, 0.875):
        d.rounded_rectangle((0.29 * w, y0 * h, 0.71 * w, (y0 + 0.08) * h), int(0.01 * w), fill=(140, 146, 158), outline=(100, 106, 118), width=int(0.003 * w))
        d.rounded_rectangle((0.44 * w, (y0 + 0.03) * h, 0.56 * w, (y0 + 0.045) * h), int(0.006 * w), fill=(86, 92, 104))
    for x in (0.28, 0.72):
        for y in (0.05, 0.95):
            d.ellipse(box(x * w, y * h, 0.007 * w), fill=(110, 116, 128))
    vignette(img, 0.45)


def lone_tianhe(p, rng):
    """Tianhe on its own, as a Tianzhou cargo ship found it in 2021."""
    tianhe_parts(p, rng)


def approaching(p, rng):
    """A Tianzhou cargo ship closing in, docking port first, its engines glowing faintly."""
    tianzhou(p, rng, "天舟", "TIANZHOU", flip=True)


def sz_tianzhou(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (1, 2, 8)), (1, (8, 14, 34))]))
    stars(img, rng, 3000)
    earth(img, rng, 0.4 * w, 2.3 * h, 1.55 * h, (-0.5, -0.7, 0.5), cover=0.5, land=0.35, storms=1, streets=2)
    sprite(img, rng, 0.7 * w, 0.3 * h, 36, 0.011 * w, -28, lone_tianhe, centre=(-6, 0))
    d = ImageDraw.Draw(img)
    for i in range(14):  # the approach corridor: faint dots of the ship's path
        t = i / 13
        x, y = 0.24 * w + t * 0.26 * w, 0.66 * h - t * 0.24 * h
        d.ellipse(box(x, y, 0.0015 * w), fill=(90, 130, 200))
    sprite(img, rng, 0.3 * w, 0.62 * h, 20, 0.045 * w, 152, approaching, centre=(5, 0))
    glow(img, 0.16 * w, 0.8 * h, 0.05 * w, (120, 170, 255), 0.4)
    vignette(img, 0.3)


def sz_crew(img, rng):
    w, h = img.size
    view = space(img.size, rng, 0.25, 1.25, 0.75, (-0.4, -0.6, 0.7), res=0.5)
    interior(img, rng, (0.6 * w, 0.45 * h), CHINA, clutter=0.45, window=("left", 1, 0.5, 0.45, view), labels=CHINA_WORDS)
    d = ImageDraw.Draw(img)
    u = 0.024 * h
    looker = Pen(d, 0.31 * w, 0.53 * h, u, -8).mirrored()
    person(looker, POSE_WINDOW, BLUE_SUIT, SKIN, (28, 26, 30), "short", patch=True)
    filmer = Pen(d, 0.52 * w, 0.55 * h, u, -20)
    person(filmer, POSE_FILMING, BLUE_SUIT, SKIN, (36, 30, 30), "float", patch=True)
    handheld(filmer.turned(3.4, -6.3, 10))
    waver = Pen(d, 0.77 * w, 0.42 * h, u * 0.92, 160)
    person(waver, POSE_WAVE, BLUE_SUIT, SKIN, (30, 28, 32), "short", patch=True)
    vignette(img, 0.35)

