"""Draw the stills shown by the orbital-film exhibits.

Why: the kiosk needs pictures for SHENZHOU 13 and The Challenge, but we hold no
rights to frames from either film. Every still is therefore an original,
flat illustration drawn here from simple shapes with Pillow. Each picture uses
its own seeded random.Random, so re-running the script reproduces the files
byte for byte and a diff only appears when a drawing really changes:

    python tools/make_stills.py
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

EXHIBITS = Path(__file__).resolve().parent.parent / "exhibits"


# --- drawing helpers ---------------------------------------------------------


def mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def smooth(e0, e1, x):
    t = min(max((x - e0) / (e1 - e0), 0.0), 1.0)
    return t * t * (3 - 2 * t)


def box(x, y, rx, ry=None):
    return (x - rx, y - (rx if ry is None else ry), x + rx, y + (rx if ry is None else ry))


def curve(mask, f):
    """Remap a greyscale mask through f: 0..255 -> 0..255."""
    return mask.point([max(0, min(255, int(f(v)))) for v in range(256)])


def gradient(size, stops, horizontal=False):
    """An RGB image with a linear gradient through (position, colour) stops."""
    n = size[0] if horizontal else size[1]
    px = []
    for i in range(n):
        t = i / max(n - 1, 1)
        for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
            if t <= p1:
                break
        px.append(mix(c0, c1, min(max((t - p0) / ((p1 - p0) or 1), 0), 1)))
    strip = Image.new("RGB", (n, 1) if horizontal else (1, n))
    strip.putdata(px)
    return strip.resize(size, Image.NEAREST)


def blurred(mask, radius):
    """Gaussian blur; large radii are done on a reduced copy, which is much faster."""
    k = int(radius // 6)
    if k < 2:
        return mask.filter(ImageFilter.GaussianBlur(radius))
    small = mask.resize((max(mask.width // k, 1), max(mask.height // k, 1)), Image.BILINEAR)
    return small.filter(ImageFilter.GaussianBlur(radius / k)).resize(mask.size, Image.BICUBIC)


def shape(size, draw, blur=0):
    """A greyscale mask made by draw(ImageDraw), optionally softened."""
    mask = Image.new("L", size)
    draw(ImageDraw.Draw(mask))
    return blurred(mask, blur) if blur else mask


def paint(img, mask, color, opacity=1.0):
    img.paste(color, mask=mask if opacity == 1 else curve(mask, lambda v: v * opacity))


def shine(img, mask, color):
    """Add light: screen-blend colour into img where mask is bright."""
    light = ImageChops.multiply(Image.new("RGB", img.size, color), mask.convert("RGB"))
    img.paste(ImageChops.screen(img, light))


def glow(img, x, y, r, color, strength=1.0):
    shine(img, shape(img.size, lambda d: d.ellipse(box(x, y, r * 0.45), fill=int(255 * strength)), r * 0.4), color)


def vignette(img, strength):
    w, h = img.size
    m = shape(img.size, lambda d: d.ellipse((-0.12 * w, -0.2 * h, 1.12 * w, 1.2 * h), fill=255), 0.18 * min(w, h))
    paint(img, ImageOps.invert(m), (0, 0, 0), strength)


def silhouette(img, draw, color, rim, offset):
    """Fill the shape that draw(mask) draws with colour, rimmed with light on the side `offset` points away from."""
    m = Image.new("L", img.size)
    draw(m)
    img.paste(color, mask=m)
    moved = Image.new("L", img.size)
    moved.paste(m, offset)
    paint(img, blurred(ImageChops.subtract(m, moved), 1.5), rim)


def stars(img, rng, n, top=1.0):
    d = ImageDraw.Draw(img)
    k = img.width / 1920
    for _ in range(n):
        x, y = rng.uniform(0, img.width), rng.uniform(0, img.height * top)
        r = k * (0.6 + 2.4 * rng.random() ** 10)
        d.ellipse(box(x, y, r), fill=mix((20, 24, 50), mix((150, 170, 255), (255, 244, 225), rng.random()), rng.random() ** 0.6))


class Pen:
    """Draws shapes given in local units, scaled by `unit`, turned by `angle` degrees, placed at (ox, oy).

    With `mono` set every shape is filled with that value instead (used for masks).
    """

    def __init__(self, draw, ox, oy, unit, angle=0.0, mono=None):
        self.d, self.ox, self.oy, self.u, self.angle, self.mono = draw, ox, oy, unit, angle, mono
        self.c, self.s = math.cos(math.radians(angle)), math.sin(math.radians(angle))

    def pt(self, x, y):
        x, y = x * self.u, y * self.u
        return (self.ox + x * self.c - y * self.s, self.oy + x * self.s + y * self.c)

    def at(self, x, y, angle=0.0):
        """A pen centred on local point (x, y), turned to an absolute angle."""
        return Pen(self.d, *self.pt(x, y), self.u, angle, self.mono)

    def fill(self, col):
        return col if self.mono is None else self.mono

    def poly(self, pts, col):
        self.d.polygon([self.pt(*p) for p in pts], fill=self.fill(col))

    def rect(self, x0, y0, x1, y1, col):
        self.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], col)

    def oval(self, x, y, rx, ry, col):
        self.poly([(x + rx * math.cos(a / 12 * math.pi), y + ry * math.sin(a / 12 * math.pi)) for a in range(24)], col)

    def dot(self, x, y, r, col):
        self.d.ellipse(box(*self.pt(x, y), r * self.u), fill=self.fill(col))

    def line(self, pts, w, col):
        self.d.line([self.pt(*p) for p in pts], fill=self.fill(col), width=max(1, round(w * self.u)), joint="curve")
        for p in (pts[0], pts[-1]):
            self.dot(*p, w / 2, col)

    def tube(self, x0, y0, x1, y1, col):
        """A cylinder lit from the top/left: base colour with a highlight and a shadow band."""
        self.rect(x0, y0, x1, y1, mix(col, (0, 0, 0), 0.25))
        if x1 - x0 >= y1 - y0:
            h = y1 - y0
            self.rect(x0, y0, x1, y1 - h * 0.3, col)
            self.rect(x0, y0 + h * 0.15, x1, y0 + h * 0.35, mix(col, (255, 255, 255), 0.5))
        else:
            w = x1 - x0
            self.rect(x0, y0, x1 - w * 0.3, y1, col)
            self.rect(x0 + w * 0.15, y0, x0 + w * 0.35, y1, mix(col, (255, 255, 255), 0.5))

    def panel(self, x0, y0, x1, y1, col, cells=6):
        """A solar array: framed blanket divided into cells along its long side."""
        (x0, x1), (y0, y1) = sorted((x0, x1)), sorted((y0, y1))
        self.rect(x0, y0, x1, y1, mix(col, (255, 255, 255), 0.35))
        m = min(x1 - x0, y1 - y0) * 0.08
        self.rect(x0 + m, y0 + m, x1 - m, y1 - m, col)
        along = x1 - x0 >= y1 - y0
        for i in range(1, cells):
            t = i / cells
            if along:
                x = x0 + (x1 - x0) * t
                self.line([(x, y0), (x, y1)], m * 0.6, mix(col, (255, 255, 255), 0.25))
            else:
                y = y0 + (y1 - y0) * t
                self.line([(x0, y), (x1, y)], m * 0.6, mix(col, (255, 255, 255), 0.25))


# --- subjects ----------------------------------------------------------------


def earth(img, rng, cx, cy, r, light, clouds=40, land=8, cities=0, soft=1.0):
    """Paint a lit planet of radius r centred on (cx, cy), often far outside the frame for a limb view.

    `light` points towards the sun; `soft` scales the width of the day/night terminator.
    """
    w, h = img.size
    sw, sh = max(w // 12, 8), max(h // 12, 8)
    n = math.sqrt(sum(c * c for c in light))
    lx, ly, lz = (c / n for c in light)
    day, surf = [], []
    for j in range(sh):
        for i in range(sw):
            nx, ny = ((i + 0.5) * w / sw - cx) / r, ((j + 0.5) * h / sh - cy) / r
            q = nx * nx + ny * ny
            nz = math.sqrt(1 - q) if q < 1 else 0.0
            if q >= 1:
                nx, ny = nx / math.sqrt(q), ny / math.sqrt(q)
            v = smooth(-0.2 * soft, 0.35 * soft, nx * lx + ny * ly + nz * lz)
            day.append(int(255 * v))
            surf.append(int(255 * v * (0.4 + 0.6 * math.sqrt(nz))))

    def up(data):
        m = Image.new("L", (sw, sh))
        m.putdata(data)
        return m.resize((w, h), Image.BICUBIC)

    day, surf = up(day), up(surf)
    unit = min(w, h, r)

    def spot():
        while True:
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            if math.hypot(x - cx, y - cy) < r * 0.985:
                return x, y

    def squashed(x, y, rr):
        """Ellipse box for a round patch at (x, y), foreshortened towards the limb."""
        dx, dy = x - cx, y - cy
        f = max(math.sqrt(max(1 - (dx * dx + dy * dy) / (r * r), 0)), 0.12)
        return box(x, y, rr * f, rr) if abs(dx) > abs(dy) else box(x, y, rr, rr * f)

    lm = Image.new("L", (w, h))
    d = ImageDraw.Draw(lm)
    for _ in range(land):
        x, y = spot()
        size = rng.uniform(0.03, 0.08) * unit
        for _ in range(40):
            d.ellipse(squashed(x + rng.gauss(0, size), y + rng.gauss(0, size * 0.7), size * rng.uniform(0.12, 0.45)), fill=255)
    lm = blurred(curve(blurred(lm, unit * 0.008), lambda v: 255 if v > 100 else 0), unit * 0.002)

    cm = Image.new("L", (w, h))
    d = ImageDraw.Draw(cm)
    for _ in range(clouds):
        x, y = spot()
        for _ in range(rng.randint(3, 8)):
            px, py = x + rng.gauss(0, 0.04 * unit), y + rng.gauss(0, 0.02 * unit)
            rr = math.hypot(px - cx, py - cy)
            if rr >= r:
                continue
            a0, span, thick = math.atan2(py - cy, px - cx), rng.uniform(0.0, 0.2) * unit / rr, rng.uniform(0.006, 0.025) * unit
            k, tone = int(span * rr / thick * 2) + 1, rng.randint(150, 235)
            for i in range(k):  # a streak following the curve of the globe, tapered at both ends
                a = a0 + span * ((i + 0.5) / k - 0.5)
                d.ellipse(squashed(cx + rr * math.cos(a), cy + rr * math.sin(a), thick * (0.4 + 0.6 * math.sin(math.pi * (i + 0.5) / k))), fill=tone)
    cm = blurred(cm, unit * 0.004)

    planet = ImageOps.colorize(surf, (3, 6, 20), (125, 195, 245), (22, 72, 150))
    planet.paste(ImageOps.colorize(surf, (6, 9, 7), (200, 188, 132), (84, 118, 62)), mask=curve(lm, lambda v: v * 0.9))
    planet.paste(ImageOps.colorize(surf, (12, 14, 24), (255, 255, 255), (165, 180, 205)), mask=cm)
    img.paste(planet, mask=shape(img.size, lambda d: d.ellipse(box(cx, cy, r), fill=255)))

    d = ImageDraw.Draw(img)
    for _ in range(cities):
        x, y = spot()
        if day.getpixel((int(x), int(y))) < 30 and lm.getpixel((int(x), int(y))) > 128:
            for _ in range(rng.randint(1, 8)):
                glint = mix((120, 80, 40), (255, 214, 150), rng.random())
                d.ellipse(box(x + rng.gauss(0, unit * 0.006), y + rng.gauss(0, unit * 0.003), unit * rng.uniform(0.0006, 0.0014)), fill=glint)

    a = 0.012 * min(w, h)
    halo = shape(img.size, lambda d: d.ellipse(box(cx, cy, r + a * 0.5), outline=255, width=int(a * 1.4)), a * 0.9)
    shine(img, ImageChops.multiply(halo, curve(day, lambda v: v * 2)), (90, 160, 255))
    shine(img, ImageChops.multiply(halo, curve(day, lambda v: 255 - abs(v - 45) * 5)), (255, 120, 50))
    rim = shape(img.size, lambda d: d.ellipse(box(cx, cy, r + a * 0.1), outline=255, width=max(2, int(a * 0.3))), a * 0.15)
    shine(img, ImageChops.multiply(rim, day), (190, 225, 255))


def space(size, rng, cx, cy, r, light, **kw):
    """A starry sky with a planet at (cx, cy) in fractions of width and height, radius r in heights."""
    img = gradient(size, [(0, (2, 3, 10)), (1, (6, 9, 24))])
    stars(img, rng, int(size[0] * size[1] / 4000))
    earth(img, rng, cx * size[0], cy * size[1], r * size[1], light, **kw)
    return img


def tiangong(p):
    """China's T-shaped station seen from above: two lab modules across, the core module as the stem."""
    white, wing, metal = (226, 228, 232), (28, 52, 120), (150, 150, 160)
    for sx in (-1, 1):
        p.rect(sx * 17.6 - 0.25, -21, sx * 17.6 + 0.25, 21, metal)
        p.panel(sx * 17.6 - 2.4, -21, sx * 17.6 + 2.4, -2.6, wing, 8)
        p.panel(sx * 17.6 - 2.4, 2.6, sx * 17.6 + 2.4, 21, wing, 8)
    p.rect(-9.5, 11.8, 9.5, 12.2, metal)
    p.panel(-9.5, 10.8, -2.2, 13.2, wing, 4)
    p.panel(2.2, 10.8, 9.5, 13.2, wing, 4)
    p.tube(-18.5, -2.1, -2, 2.1, white)
    p.tube(2, -2.1, 18.5, 2.1, white)
    p.tube(-2.1, 1, 2.1, 9, white)
    p.tube(-1.5, 9, 1.5, 15.5, white)
    p.tube(-2.2, 15.5, 2.2, 19.5, (200, 204, 210))
    p.dot(0, 0, 2.7, white)
    p.dot(-0.6, -0.7, 1.2, (245, 246, 248))
    p.tube(-1.2, -7.5, 1.2, -2.6, (205, 208, 200))
    p.tube(-1.6, -11, 1.6, -7.5, (120, 128, 110))
    p.panel(-6.5, -10.2, -1.6, -8.6, wing, 3)
    p.panel(1.6, -10.2, 6.5, -8.6, wing, 3)
    p.tube(-1.7, 19.5, 1.7, 25, (235, 235, 238))


def iss(p):
    """The International Space Station seen from above: long truss, four pairs of golden wings."""
    truss, gold, white = (170, 170, 178), (150, 105, 45), (228, 230, 234)
    for x in (-26, -19, 19, 26):
        p.rect(x - 0.2, -17, x + 0.2, 17, truss)
        for sy in (-1, 1):
            p.panel(x - 2.6, sy * 1.4, x - 0.3, sy * 16.5, gold, 10)
            p.panel(x + 0.3, sy * 1.4, x + 2.6, sy * 16.5, gold, 10)
    for x in (-11, -8, 8, 11):
        p.rect(x - 1, 1, x + 1, 7.5, (238, 240, 244))
    p.rect(-29, -0.9, 29, 0.9, truss)
    for i in range(-29, 29, 2):
        p.line([(i, -0.8), (i + 2, 0.8)], 0.15, (120, 120, 128))
    p.tube(-1.5, -9, 1.5, 12, white)
    p.tube(-4.5, -8, 4.5, -5.2, white)
    p.tube(-1.3, 12, 1.3, 20, (210, 206, 190))
    p.panel(-7, 15.6, -1.3, 17, (30, 50, 110), 4)
    p.panel(1.3, 15.6, 7, 17, (30, 50, 110), 4)
    p.dot(0, -2, 1.8, white)


def soyuz(p):
    """A Soyuz spacecraft pointing +x: service module with wings, descent bell, orbital module."""
    green, grey, wing = (120, 132, 104), (190, 192, 188), (32, 56, 118)
    p.panel(-5.4, -10, -3.6, -1.8, wing, 5)
    p.panel(-5.4, 1.8, -3.6, 10, wing, 5)
    p.tube(-7.2, -1.7, -2.2, 1.7, grey)
    p.rect(-7.6, -1.3, -7.2, 1.3, (90, 90, 96))
    p.poly([(-2.2, -1.7), (0.8, -1.25), (1.4, -0.8), (1.4, 0.8), (0.8, 1.25), (-2.2, 1.7)], green)
    p.poly([(-2.2, -1.7), (0.8, -1.25), (1.4, -0.8), (-2.2, -0.9)], mix(green, (255, 255, 255), 0.35))
    p.oval(3.0, 0, 1.8, 1.5, green)
    p.oval(2.7, -0.5, 1.1, 0.6, mix(green, (255, 255, 255), 0.35))
    p.line([(4.7, 0), (5.7, 0)], 0.3, (200, 200, 200))


def rocket(p):
    """A Soyuz launcher standing on y = 0 with its nose at y = -33."""
    body, side, dark = (220, 214, 205), (150, 140, 140), (60, 50, 55)
    p.poly([(-0.9, -15), (-3.1, -2.2), (-3.1, 0), (-1.3, 0)], side)
    p.poly([(0.9, -15), (3.1, -2.2), (3.1, 0), (1.3, 0)], side)
    p.tube(-1.35, -21, 1.35, 0, body)
    p.poly([(-0.7, -15), (-2.6, -2.2), (-2.6, 0), (-0.9, 0)], body)
    p.poly([(0.7, -15), (2.6, -2.2), (2.6, 0), (0.9, 0)], mix(body, (0, 0, 0), 0.2))
    for sx in (-1, 1):
        p.line([(sx * 0.7, -15), (sx * 0.9, 0)], 0.12, side)
    p.rect(-1.3, -21, 1.3, -20.3, dark)
    p.tube(-1.3, -25, 1.3, -21, body)
    p.poly([(-1.6, -25), (-1.6, -29), (-0.8, -31.2), (0.8, -31.2), (1.6, -29), (1.6, -25)], body)
    p.poly([(0.4, -25), (0.4, -31.2), (0.8, -31.2), (1.6, -29), (1.6, -25)], mix(body, (0, 0, 0), 0.2))
    p.line([(0, -31), (0, -34)], 0.3, dark)
    for x in (-2.2, -0.6, 0.6, 2.2):
        p.poly([(x - 0.5, 0), (x + 0.5, 0), (x + 0.7, 0.9), (x - 0.7, 0.9)], dark)


POSE_FLOAT = dict(head=(0.5, -7.6), neck=(0, -5.6), hip=(0, 1.2),
                  arm=[((2.8, -3.4), (5.0, -5.6)), ((-2.2, -3.4), (-4.4, -5.4))],
                  leg=[((2.6, 4.6), (1.6, 8.8)), ((-0.4, 5.6), (-2.4, 8.8))])
POSE_OPERATOR = dict(head=(0.6, -7.6), neck=(0, -5.6), hip=(-0.4, 1.2),
                     arm=[((2.0, -3.2), (2.6, -6.4)), ((1.2, -3.0), (2.4, -5.0))],
                     leg=[((1.8, 4.8), (0.8, 8.8)), ((-1.2, 5.0), (-1.6, 9.2))])


def person(p, pose, suit, skin, hair, style="float"):
    """A faceless figure facing +x; long hair "float"s round the head or "hang"s down the screen, or is "short"."""
    far = mix(suit, (0, 0, 0), 0.3)

    def limbs(i, col):
        knee, foot = pose["leg"][i]
        p.line([pose["hip"], knee, foot], 2.0, col)
        p.oval(foot[0] + 0.5, foot[1] + 0.4, 1.1, 0.6, col)
        elbow, hand = pose["arm"][i]
        p.line([(pose["neck"][0], pose["neck"][1] + 0.6), elbow, hand], 1.35, col)
        p.dot(*hand, 0.7, skin)

    hx, hy = pose["head"]
    if style == "float":
        for dx, dy, r in ((-1.2, -1.0, 1.2), (-2.2, -1.6, 1.0), (-0.4, -2.1, 1.0), (-2.4, -0.3, 0.9), (0.6, -2.0, 0.7), (-3.1, -1.0, 0.6)):
            p.dot(hx + dx, hy + dy, r, hair)
    elif style == "hang":
        p.at(hx, hy).oval(-0.3, 1.2, 1.1, 2.2, hair)
    limbs(1, far)
    p.line([pose["neck"], pose["hip"]], 3.5, suit)
    limbs(0, suit)
    p.dot(hx, hy, 1.4, hair)
    p.dot(hx + 0.35, hy + 0.2, 1.15, skin)


def operator(p):
    """A camera operator filming towards +x (silhouette only: draw with a mono Pen)."""
    person(p, POSE_OPERATOR, (0, 0, 0), 0, 0, "short")
    p.rect(1.8, -9.2, 6.2, -6.4, 0)
    p.rect(6.2, -8.5, 8.2, -7.1, 0)
    p.poly([(8.0, -8.3), (9.4, -9.2), (9.4, -6.4), (8.0, -7.3)], 0)
    p.line([(2.6, -9.2), (2.6, -10.2), (5.4, -10.2), (5.4, -9.2)], 0.45, 0)
    p.line([(1.2, -7.9), (1.8, -7.9)], 0.6, 0)


def cine_camera(p):
    """A cinema camera facing +x on a tripod: body, lens, matte box, handle, viewfinder, monitor.

    Silhouette only: draw with a mono Pen.
    """
    k = 0
    p.rect(-6, -4, 4, 4, k)
    p.rect(4, -2.6, 9.5, 2.6, k)
    for x in (5.2, 7.0, 8.6):
        p.rect(x, -3.0, x + 0.6, 3.0, k)
    p.poly([(9.5, -3), (13.5, -5.2), (13.5, 5.2), (9.5, 3)], k)
    p.line([(-4, -4), (-4, -6), (3, -6), (3, -4)], 0.8, k)
    p.rect(-10.5, -3.6, -6, -1.6, k)
    p.oval(-10.8, -2.6, 0.8, 1.3, k)
    p.line([(0, -6), (0.5, -8)], 0.6, k)
    p.rect(-2.5, -10.8, 3.6, -7.6, k)
    p.dot(5.5, 3.5, 1.4, k)
    p.rect(-8, 4, 12, 4.8, k)
    p.poly([(-3, 4.8), (3, 4.8), (2, 7.5), (-2, 7.5)], k)
    for x in (-9, 0, 8):
        p.line([(0, 7.5), (x, 20)], 1.0, k)
    p.line([(-2, 6.2), (-9, 9.5)], 0.7, k)


def hand(p):
    """An open hand, fingers up, pressed flat, with the forearm running off the bottom (silhouette only)."""
    k = 0
    p.poly([(-1.4, 1.5), (1.6, 1.5), (3.6, 30), (-0.4, 30)], k)
    p.oval(0, 0, 2.4, 2.7, k)
    for pts, wd in (([(-1.55, -1.8), (-2.0, -4.2), (-2.2, -6.2)], 1.05), ([(-0.5, -2.2), (-0.55, -4.6), (-0.6, -6.9)], 1.1),
                    ([(0.55, -2.1), (0.75, -4.4), (0.9, -6.3)], 1.05), ([(1.5, -1.6), (1.9, -3.4), (2.2, -4.9)], 0.9),
                    ([(-1.9, 0.9), (-3.2, -0.4), (-4.0, -1.8)], 1.2)):
        p.line(pts, wd, k)


FINGERTIPS = [(-2.2, -6.2), (-0.6, -6.9), (0.9, -6.3), (2.2, -4.9), (-4.0, -1.8)]


def porthole(img, view, cx, cy, r):
    """A round window with a thick metal frame and bolts, showing `view` (same size as img)."""
    img.paste(view, mask=shape(img.size, lambda d: d.ellipse(box(cx, cy, r), fill=255)))
    shine(img, shape(img.size, lambda d: d.arc(box(cx, cy, r * 0.86), 195, 255, fill=60, width=int(r * 0.05)), r * 0.03), (255, 255, 255))
    d = ImageDraw.Draw(img)
    for dr, col in ((0.3, (40, 44, 54)), (0.22, (112, 118, 132)), (0.16, (72, 78, 92)), (0.07, (150, 156, 170)), (0.035, (30, 32, 40))):
        d.ellipse(box(cx, cy, r * (1 + dr)), outline=col, width=int(r * dr) + 1)
    d.arc(box(cx, cy, r * 1.2), 190, 280, fill=(175, 182, 196), width=max(2, int(r * 0.018)))
    for i in range(16):
        a = i / 16 * math.tau
        x, y = cx + math.cos(a) * r * 1.11, cy + math.sin(a) * r * 1.11
        d.ellipse(box(x, y, r * 0.024), fill=(50, 54, 64))
        d.ellipse(box(x - r * 0.006, y - r * 0.006, r * 0.012), fill=(170, 176, 190))


def interior(img, rng, vp, pal, segments=6, clutter=0.5, window=None):
    """A station module seen down its length: walls in segments converging on a lit hatch at vp.

    window=(wall, segment, s, t, view) cuts a round window into that wall, showing `view`.
    """
    w, h = img.size
    e = 0.17 * h
    outer, inner = (-0.06 * w, -0.08 * h, 1.06 * w, 1.08 * h), (vp[0] - e * 1.2, vp[1] - e, vp[0] + e * 1.2, vp[1] + e)
    ts = [(1 - 1 / (1 + 0.55 * k)) / (1 - 1 / (1 + 0.55 * segments)) for k in range(segments + 1)]
    rects = [tuple(o + (i - o) * t for o, i in zip(outer, inner)) for t in ts]
    d = ImageDraw.Draw(img)
    lights = Image.new("L", img.size)
    dl = ImageDraw.Draw(lights)

    def at(q, s, t):
        a, b, c, dd = q
        top = (a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s)
        bot = (dd[0] + (c[0] - dd[0]) * s, dd[1] + (c[1] - dd[1]) * s)
        return (top[0] + (bot[0] - top[0]) * t, top[1] + (bot[1] - top[1]) * t)

    def patch(q, s0, s1, t0, t1):
        return [at(q, s0, t0), at(q, s1, t0), at(q, s1, t1), at(q, s0, t1)]

    d.rectangle(inner, fill=pal["end"])
    for k, (o, i) in enumerate(zip(rects, rects[1:])):
        quads = {"ceil": [(o[0], o[1]), (o[2], o[1]), (i[2], i[1]), (i[0], i[1])],
                 "floor": [(o[0], o[3]), (o[2], o[3]), (i[2], i[3]), (i[0], i[3])],
                 "left": [(o[0], o[1]), (o[0], o[3]), (i[0], i[3]), (i[0], i[1])],
                 "right": [(o[2], o[1]), (o[2], o[3]), (i[2], i[3]), (i[2], i[1])]}
        for name, q in quads.items():
            fog = k / segments * 0.55
            d.polygon(q, fill=mix(pal[name], pal["fog"], fog))
            d.polygon(patch(q, 0.05, 0.95, 0.08, 0.92), fill=mix(mix(pal[name], (255, 255, 255), 0.08 * (k % 2)), pal["fog"], fog))
            for _ in range(int(clutter * 6)):
                s0, t0 = rng.uniform(0.05, 0.8), rng.uniform(0.1, 0.7)
                s1, t1 = s0 + rng.uniform(0.06, 0.2), t0 + rng.uniform(0.12, 0.3)
                col = mix(rng.choice(pal["boxes"]), pal["fog"], fog)
                d.polygon(patch(q, s0, s1, t0, t1), fill=col)
                if rng.random() < 0.4:
                    d.polygon(patch(q, s0 + 0.02, s1 - 0.02, t0 + 0.1 * (t1 - t0), t1 - 0.1 * (t1 - t0)), fill=mix(col, (20, 24, 30), 0.6))
                for _ in range(rng.randint(0, 3)):
                    d.ellipse(box(*at(q, rng.uniform(s0, s1), rng.uniform(t0, t1)), max(2, 0.004 * w * (1 - ts[k]))),
                              fill=rng.choice(((90, 220, 120), (255, 180, 60), (90, 170, 255))))
            if name == "ceil":
                dl.polygon(patch(q, 0.33, 0.67, 0.25, 0.75), fill=255)
            else:
                for s in (0.22, 0.78):
                    lw = max(2, int(0.011 * w * (1 - ts[k] * 0.85)))
                    d.line([at(q, s, 0.12), at(q, s, 0.88)], fill=pal["rail"], width=lw)
                    for t in (0.12, 0.88):
                        d.line([at(q, s, t), at(q, s * 0.85 + 0.075, t)], fill=mix(pal["rail"], (0, 0, 0), 0.3), width=lw)
            if window and window[0] == name and window[1] == k:
                _, _, s, t, view = window
                ring = [at(q, s + 0.2 * math.cos(a / 32 * math.tau), t + 0.32 * math.sin(a / 32 * math.tau)) for a in range(32)]
                hole = [at(q, s + 0.16 * math.cos(a / 32 * math.tau), t + 0.26 * math.sin(a / 32 * math.tau)) for a in range(32)]
                d.polygon(ring, fill=pal["rib"])
                img.paste(view, mask=shape(img.size, lambda m: m.polygon(hole, fill=255)))
                shine(img, shape(img.size, lambda m: m.polygon(hole, fill=90), 0.03 * w), (90, 150, 255))
    for k, r in enumerate(rects):
        d.rectangle(r, outline=pal["rib"], width=max(2, int(0.016 * w * (1 - ts[k] * 0.85))))
    d.ellipse(box(*vp, e * 0.72), fill=pal["rib"])
    d.ellipse(box(*vp, e * 0.58), fill=pal["beyond"])
    d.ellipse(box(*vp, e * 0.24), outline=mix(pal["beyond"], pal["rib"], 0.35), width=max(2, int(e * 0.04)))
    paint(img, lights, pal["light"])
    shine(img, blurred(lights, 0.03 * w), pal["light"])
    glow(img, *vp, e * 1.8, pal["beyond"], 0.7)


# --- scenes ------------------------------------------------------------------

CHINA = dict(ceil=(236, 239, 242), left=(214, 220, 228), right=(200, 207, 216), floor=(176, 184, 196), fog=(150, 162, 182),
             end=(190, 198, 210), rib=(158, 166, 180), rail=(60, 125, 200), light=(250, 252, 255), beyond=(255, 250, 236),
             boxes=[(242, 244, 247), (222, 228, 236), (200, 212, 228), (120, 152, 196), (230, 232, 236)])
RUSSIA = dict(ceil=(206, 198, 170), left=(176, 168, 140), right=(160, 154, 128), floor=(104, 110, 96), fog=(92, 90, 82),
              end=(120, 116, 100), rib=(96, 92, 84), rail=(214, 172, 70), light=(255, 240, 205), beyond=(255, 232, 186),
              boxes=[(200, 190, 160), (150, 160, 140), (90, 100, 110), (222, 216, 200), (172, 124, 84), (112, 122, 92)])
SUIT, SKIN, HAIR = (34, 46, 86), (234, 196, 170), (156, 110, 64)


def sz_tile(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (1, 2, 8)), (1, (8, 14, 34))]))
    stars(img, rng, 700)
    earth(img, rng, 0.3 * w, 2.65 * h, 1.95 * h, (-0.4, -0.8, 0.5), clouds=24, land=6)
    tiangong(Pen(ImageDraw.Draw(img), 0.6 * w, 0.38 * h, 0.0085 * w, -14))


def sz_earth8k(img, rng):
    w, h = img.size
    cx, cy, r = 0.45 * w, 4.6 * h, 4.15 * h
    sx = 0.73 * w  # the sun rises where the terminator meets the limb
    sy = cy - math.sqrt(r * r - (sx - cx) ** 2)
    img.paste(gradient(img.size, [(0, (0, 0, 4)), (1, (4, 8, 22))]))
    stars(img, rng, 2500)
    glow(img, sx, sy, 0.7 * h, (255, 130, 60), 0.35)
    earth(img, rng, cx, cy, r, (-1, -0.12, 0), clouds=80, land=16, cities=3000, soft=0.25)
    shine(img, shape(img.size, lambda m: m.ellipse(box(sx, sy, 0.12 * w, 0.007 * h), fill=255), 0.01 * h), (255, 215, 160))
    glow(img, sx, sy, 0.12 * h, (255, 240, 215), 1.0)
    ImageDraw.Draw(img).ellipse(box(sx, sy, 0.008 * h), fill=(255, 253, 245))
    glow(img, sx, sy, 0.03 * h, (255, 255, 250), 1.0)
    tiangong(Pen(ImageDraw.Draw(img), 0.14 * w, 0.2 * h, 0.0016 * w, 20))


def sz_cabin(img, rng):
    w, h = img.size
    view = space(img.size, rng, 0.2, 1.2, 0.72, (-0.3, -0.6, 0.7))
    interior(img, rng, (0.58 * w, 0.45 * h), CHINA, clutter=0.35, window=("left", 1, 0.5, 0.5, view))
    person(Pen(ImageDraw.Draw(img), 0.44 * w, 0.52 * h, 0.026 * h, -30), POSE_FLOAT, (40, 92, 172), SKIN, (30, 28, 32), "short")
    vignette(img, 0.35)


def sz_camera(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (26, 30, 42)), (1, (10, 12, 18))]))
    porthole(img, space(img.size, rng, 0.68, 0.98, 0.42, (-0.6, -0.5, 0.6)), 0.6 * w, 0.47 * h, 0.36 * h)
    glow(img, 0.6 * w, 0.5 * h, 0.8 * h, (40, 80, 150), 0.5)
    silhouette(img, lambda m: cine_camera(Pen(ImageDraw.Draw(m), 0.33 * w, 0.56 * h, 0.017 * w, mono=255)),
               (8, 9, 12), (110, 160, 230), (-int(0.004 * w), 0))
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
        shine(img, ImageChops.multiply(shape(img.size, lambda m: m.ellipse(box(cx, cy, rad * 0.45), fill=255), rad * 0.4), chamber), col)
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


def ch_tile(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (1, 2, 8)), (1, (8, 14, 34))]))
    stars(img, rng, 700)
    earth(img, rng, 0.5 * w, 3.2 * h, 2.45 * h, (0.3, -0.7, 0.6), clouds=24, land=6)
    d = ImageDraw.Draw(img)
    iss(Pen(d, 0.6 * w, 0.36 * h, 0.0075 * w, 8))
    soyuz(Pen(d, 0.2 * w, 0.52 * h, 0.009 * w, -10))


def ch_launch(img, rng):
    w, h = img.size
    hz = 0.74 * h
    img.paste(gradient(img.size, [(0, (6, 8, 30)), (0.3, (26, 30, 80)), (0.55, (90, 70, 130)), (0.68, (215, 120, 100)),
                                  (0.74, (255, 185, 120)), (0.745, (44, 34, 52)), (1, (12, 10, 16))]))
    stars(img, rng, 300, top=0.4)
    glow(img, 0.15 * w, hz, 0.5 * w, (255, 150, 80), 0.5)
    d = ImageDraw.Draw(img)
    d.polygon([(0, h)] + [(i / 12 * w, hz - 0.006 * h * (1 + math.sin(i * 1.7))) for i in range(13)] + [(w, h)], fill=(44, 34, 52))
    for x in (0.12 * w, 0.88 * w):
        for sx in (-1, 1):
            d.line([(x + sx * 0.012 * w, hz + 0.02 * h), (x + sx * 0.004 * w, 0.36 * h)], fill=(18, 14, 24), width=int(0.004 * w))
        for i in range(14):
            y = hz + 0.02 * h - i * (hz - 0.34 * h) / 14
            d.line([(x - 0.012 * w, y), (x + 0.012 * w, y - 0.025 * h)], fill=(18, 14, 24), width=int(0.002 * w))
    smoke, sm = Image.new("RGB", img.size, (120, 90, 110)), Image.new("L", img.size)
    ds, dm = ImageDraw.Draw(smoke), ImageDraw.Draw(sm)
    for i in range(140):
        x = 0.5 * w + rng.gauss(0, 0.28 * w)
        y = hz + 0.02 * h + rng.gauss(0, 0.025 * h) - (0.05 * h if i < 30 else 0)
        r = rng.uniform(0.04, 0.11) * w
        near = min(abs(x - 0.5 * w) / (0.5 * w), 1)
        ds.ellipse(box(x, y, r, r * 0.7), fill=mix(mix((255, 200, 130), (110, 80, 110), near), (60, 44, 66), i / 140))
        dm.ellipse(box(x, y, r, r * 0.7), fill=255)
    img.paste(smoke.filter(ImageFilter.GaussianBlur(0.006 * w)), mask=blurred(sm, 0.006 * w))
    d.polygon([(0.3 * w, 0.77 * h), (0.7 * w, 0.77 * h), (0.78 * w, 0.82 * h), (0.22 * w, 0.82 * h)], fill=(26, 20, 30))
    for sx in (-1, 1):
        x0, x1 = 0.5 * w + sx * 0.08 * w, 0.5 * w + sx * 0.2 * w
        d.polygon([(x0 - 0.016 * w, 0.78 * h), (x0 + 0.016 * w, 0.78 * h), (x1 + 0.006 * w, 0.6 * h), (x1 - 0.006 * w, 0.6 * h)], fill=(26, 20, 30))
    top, base = 0.56 * h, 0.78 * h
    for half, col, blur in ((0.16, (255, 120, 40), 0.04), (0.08, (255, 200, 90), 0.015), (0.035, (255, 250, 230), 0.006)):
        left = [(0.5 * w - (0.02 + half * ((y - top) / (base - top)) ** 0.7) * w, y) for y in (top + (base - top) * i / 20 for i in range(21))]
        plume = left + [(w - x, y) for x, y in reversed(left)]
        shine(img, shape(img.size, lambda m: m.polygon(plume, fill=255), blur * w), col)
    glow(img, 0.5 * w, 0.62 * h, 0.35 * w, (255, 170, 80), 0.8)
    rocket(Pen(d, 0.5 * w, top, 0.0106 * h))
    glow(img, 0.5 * w, top, 0.16 * w, (255, 150, 70), 0.6)
    smoke, sm = Image.new("RGB", img.size, (70, 50, 70)), Image.new("L", img.size)
    ds, dm = ImageDraw.Draw(smoke), ImageDraw.Draw(sm)
    for i in range(90):
        x, y, r = 0.5 * w + rng.gauss(0, 0.3 * w), 0.8 * h + rng.uniform(0, 0.1 * h), rng.uniform(0.04, 0.1) * w
        ds.ellipse(box(x, y, r, r * 0.6), fill=mix((220, 140, 100), (40, 30, 44), min(abs(x - 0.5 * w) / (0.45 * w), 1) * 0.6 + 0.4))
        dm.ellipse(box(x, y, r, r * 0.6), fill=255)
    img.paste(smoke.filter(ImageFilter.GaussianBlur(0.005 * w)), mask=blurred(sm, 0.005 * w))
    glow(img, 0.5 * w, 0.88 * h, 0.5 * w, (255, 130, 60), 0.25)
    vignette(img, 0.35)


def ch_module(img, rng):
    w, h = img.size
    view = space(img.size, rng, 0.83, 1.2, 0.72, (0.5, -0.6, 0.6))
    interior(img, rng, (0.56 * w, 0.44 * h), RUSSIA, segments=5, clutter=1.0, window=("right", 1, 0.5, 0.5, view))
    person(Pen(ImageDraw.Draw(img), 0.6 * w, 0.45 * h, 0.026 * h, -62), POSE_FLOAT, SUIT, SKIN, HAIR)
    silhouette(img, lambda m: operator(Pen(ImageDraw.Draw(m), 0.13 * w, 0.7 * h, 0.045 * h, 8, mono=255)),
               (12, 12, 14), (255, 214, 160), (-int(0.004 * w), 0))
    vignette(img, 0.45)


def floater(img, hair):
    """The figure shared by both halves of the studio/orbit wipe, so the two line up exactly."""
    w, h = img.size
    p = Pen(ImageDraw.Draw(img), 0.55 * w, 0.5 * h, 0.03 * h, -70)
    person(p, POSE_FLOAT, SUIT, SKIN, HAIR, hair)
    return p


def ch_wipe_studio(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (22, 22, 26)), (1, (6, 6, 8))]))
    gx0, gx1, gy0, gy1 = 0.08 * w, 0.92 * w, 0.1 * h, 0.72 * h
    img.paste(gradient((int(gx1 - gx0), int(gy1 - gy0)), [(0, (38, 146, 68)), (1, (56, 178, 88))]), (int(gx0), int(gy0)))
    d = ImageDraw.Draw(img)
    d.polygon([(gx0, gy1), (gx1, gy1), (gx1 + 0.05 * w, 0.9 * h), (gx0 - 0.05 * w, 0.9 * h)], fill=(66, 184, 96))
    glow(img, 0.55 * w, 0.45 * h, 0.7 * h, (90, 170, 90), 0.35)
    for i in range(6):
        for j in range(3):
            x, y, s = (0.15 + i * 0.14) * w, (0.2 + j * 0.2) * h, 0.008 * w
            d.line([(x - s, y - s), (x + s, y + s)], fill=(30, 110, 52), width=int(0.003 * w))
            d.line([(x - s, y + s), (x + s, y - s)], fill=(30, 110, 52), width=int(0.003 * w))
    dark = (22, 22, 26)
    d.rectangle((0, 0.02 * h, w, 0.08 * h), fill=dark)
    for i in range(40):
        x = i / 40 * w
        d.line([(x, 0.025 * h), (x + w / 40, 0.075 * h)], fill=(60, 60, 68), width=int(0.002 * w))
    paint(img, shape(img.size, lambda m: m.ellipse(box(0.58 * w, 0.84 * h, 0.14 * w, 0.02 * h), fill=255), 0.015 * w), (30, 110, 52), 0.6)
    p = floater(img, "hang")
    p.rect(-1.9, 0.2, 1.9, 1.4, dark)
    p.rect(-1.8, -5.0, 1.8, -4.2, dark)
    bar = (0.56 * w, 0.2 * h)
    d.line([(bar[0] - 0.08 * w, bar[1]), (bar[0] + 0.08 * w, bar[1])], fill=dark, width=int(0.006 * w))
    for x in (-0.08, 0.08):
        d.line([(bar[0] + x * w, 0.075 * h), (bar[0] + x * w, bar[1])], fill=(210, 210, 215), width=max(2, int(0.0012 * w)))
    for px in (p.pt(0, -4.6), p.pt(0, 0.8)):
        d.line([(px[0], bar[1]), px], fill=(225, 225, 230), width=max(2, int(0.0012 * w)))
    for x, a in ((0.05 * w, 25), (0.95 * w, 155)):
        s = Pen(d, x, 0.92 * h, 0.012 * w)
        for lx in (-4, 4, 0.8):
            s.line([(0, -5), (lx, 0)], 0.4, dark)
        s.line([(0, -5), (0, -27)], 0.5, dark)
        head = s.at(0, -29, a)
        beam = [head.pt(2.2, -2.4), head.pt(2.2, 2.4), (0.55 * w, 0.62 * h), (0.55 * w, 0.32 * h)]
        shine(img, shape(img.size, lambda m: m.polygon(beam, fill=70), 0.03 * w), (255, 245, 220))
        head.rect(-2.6, -2.0, 1.6, 2.0, dark)
        head.rect(1.6, -2.4, 2.2, 2.4, (255, 248, 225))
        head.poly([(2.2, -2.4), (4.0, -3.8), (4.0, -3.2), (2.6, -2.2)], dark)
        head.poly([(2.2, 2.4), (4.0, 3.8), (4.0, 3.2), (2.6, 2.2)], dark)
        glow(img, *head.pt(2.2, 0), 0.08 * w, (255, 240, 200), 0.9)
    c = Pen(d, 0.12 * w, 0.93 * h, 0.01 * w)
    c.rect(-5, -1.5, 5, 0, dark)
    for x in (-4, 4):
        c.dot(x, 0.3, 0.9, dark)
    c.rect(-0.6, -14, 0.6, -1.5, dark)
    c.line([(-10, -9.5), (16, -21.2)], 0.8, dark)
    c.rect(-12, -11, -8.5, -7.5, dark)
    c.rect(14.5, -21, 19, -18, dark)
    c.rect(19, -20.2, 21.5, -18.8, dark)
    vignette(img, 0.45)


def ch_wipe_orbit(img, rng):
    w, h = img.size
    view = space(img.size, rng, 0.15, 1.3, 0.8, (0.4, -0.6, 0.6))
    interior(img, rng, (0.52 * w, 0.45 * h), RUSSIA, segments=5, clutter=0.7, window=("left", 0, 0.5, 0.55, view))
    floater(img, "float")
    vignette(img, 0.45)


def ch_earth_window(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (30, 34, 44)), (1, (12, 14, 20))]))
    porthole(img, space(img.size, rng, 0.55, 1.2, 0.75, (-0.5, -0.5, 0.7)), 0.5 * w, 0.5 * h, 0.4 * h)
    glow(img, 0.5 * w, 0.55 * h, 0.8 * h, (40, 80, 160), 0.35)
    p = Pen(ImageDraw.Draw(img), 0.6 * w, 0.56 * h, 0.03 * h, -12)

    def touches(m):  # a faint bloom on the glass where the fingertips press
        for t in FINGERTIPS:
            m.ellipse(box(*p.pt(*t), 0.03 * h), fill=120)

    shine(img, shape(img.size, touches, 0.02 * h), (150, 200, 255))
    silhouette(img, lambda m: hand(Pen(ImageDraw.Draw(m), p.ox, p.oy, p.u, p.angle, mono=255)),
               (10, 12, 18), (120, 170, 240), (int(0.003 * w), int(0.003 * w)))
    vignette(img, 0.4)


# path under exhibits/ -> (final size, scene, drawing scale: 2 = supersampled for smooth edges)
STILLS = {
    "shenzhou-13/stills/tile.jpg": ((1920, 1080), sz_tile, 2),
    "shenzhou-13/stills/earth-8k.jpg": ((7680, 4320), sz_earth8k, 1),
    "shenzhou-13/stills/cabin.png": ((1600, 1200), sz_cabin, 2),
    "shenzhou-13/stills/camera.jpg": ((2400, 1600), sz_camera, 2),
    "shenzhou-13/stills/experiment.png": ((1200, 1200), sz_experiment, 2),
    "the-challenge/stills/tile.jpg": ((1920, 1080), ch_tile, 2),
    "the-challenge/stills/launch.jpg": ((1080, 1920), ch_launch, 2),
    "the-challenge/stills/module.png": ((2000, 1125), ch_module, 2),
    "the-challenge/stills/wipe-studio.jpg": ((2400, 1350), ch_wipe_studio, 2),
    "the-challenge/stills/wipe-orbit.jpg": ((2400, 1350), ch_wipe_orbit, 2),
    "the-challenge/stills/earth-window.jpg": ((3000, 2000), ch_earth_window, 2),
}


def main(only=()):
    """Write every still, or only those whose path contains one of `only`."""
    for rel, ((w, h), scene, scale) in STILLS.items():
        if only and not any(o in rel for o in only):
            continue
        img = Image.new("RGB", (w * scale, h * scale))
        scene(img, random.Random(rel))
        img = img.resize((w, h), Image.LANCZOS) if scale != 1 else img
        out = EXHIBITS / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix == ".png":
            img.save(out, optimize=True)
        else:
            img.save(out, quality=85 if w > 4000 else 88, optimize=True)
        print(f"{out.relative_to(EXHIBITS.parent)}  {w}x{h}  {out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main(sys.argv[1:])
