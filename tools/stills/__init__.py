"""Drawing helpers shared by every still: colour, masks, light, a rotating pen, painted labels.

The stills are flat illustrations built from Pillow primitives only. Everything
random comes from the random.Random handed to a scene, so a scene redraws
byte for byte.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps

FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"
WHITE, BLACK = (255, 255, 255), (0, 0, 0)


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


def scaled(mask, k):
    return mask.point([min(255, int(v * k)) for v in range(256)])


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
    """Add light: screen-blend colour (a tuple or an RGB image) into img where mask is bright."""
    tint = Image.new("RGB", img.size, color) if isinstance(color, tuple) else color
    img.paste(ImageChops.screen(img, ImageChops.multiply(tint, mask.convert("RGB"))))


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
    return m


def grain(img, rng, amount, cell=1.0):
    """Fine surface texture: lighten and darken img by up to `amount` (0..1) with value noise."""
    w, h = img.size
    gw, gh = int(w / cell) + 2, int(h / cell) + 2
    n = Image.frombytes("L", (gw, gh), rng.randbytes(gw * gh))
    n = n.resize(img.size, Image.BICUBIC, box=(0, 0, w / cell, h / cell))
    lo, hi = 128 - 128 * amount, 128 + 128 * amount
    n = n.point([round(lo + (hi - lo) * v / 255) for v in range(256)])
    img.paste(ImageChops.overlay(img, Image.merge("RGB", (n, n, n))))


def stars(img, rng, n, top=1.0, dim=1.0):
    """Stars of very different brightness: many faint pin-pricks, a few bright ones with a soft halo."""
    d = ImageDraw.Draw(img)
    k = (img.width / 1920) ** 0.6
    halos = Image.new("L", img.size)
    dh = ImageDraw.Draw(halos)
    for _ in range(n):
        x, y = rng.uniform(0, img.width), rng.uniform(0, img.height * top)
        b = rng.random() ** 8
        r = k * (0.4 + 1.3 * b ** 2)
        tint = mix((160, 180, 255), (255, 236, 210), rng.random())
        col = mix((4, 6, 16), tint, min(1.0, (0.15 + 0.85 * b ** 0.5) * dim))
        if r < 0.75:
            d.point((x, y), fill=col)
        else:
            d.ellipse(box(x, y, r), fill=col)
        if b > 0.55:
            dh.ellipse(box(x, y, r * 2.5), fill=int(50 * b * dim))
    shine(img, blurred(halos, 2.5 * k), (170, 190, 255))


@lru_cache(maxsize=64)
def font(size, cjk=False):
    name = "NotoSansSC-Bold.otf" if cjk else "NotoSans-Bold.ttf"
    return ImageFont.truetype(str(FONTS / name), max(4, round(size)))


def is_cjk(text):
    return any(ord(c) > 0x2E80 for c in text)


def text_tile(lines, height, color, gap=0.25, align="center", vertical=False, condense=1.0):
    """RGBA picture of text lines (CJK or Latin, each in its own face), `height` px a line.

    vertical=True stacks the characters of each line top to bottom, upright; condense < 1 narrows the letters.
    """
    if condense != 1.0:
        t = text_tile(lines, height, color, gap, align, vertical)
        return t.resize((max(1, round(t.width * condense)), t.height), Image.LANCZOS)
    if vertical:
        cols = [text_tile(list(line), height, color, 0.08, "center") for line in lines]
        w = sum(c.width for c in cols) + int(gap * height) * (len(cols) - 1)
        out = Image.new("RGBA", (w, max(c.height for c in cols)))
        x = 0
        for c in cols:
            out.alpha_composite(c, (x, 0))
            x += c.width + int(gap * height)
        return out
    runs = [split_runs(t, height) for t in lines]
    widths = [sum(f.getlength(t) for f, t in r) for r in runs]
    w = int(max(widths)) + 4
    step = int(height * (1 + gap))
    out = Image.new("RGBA", (w, step * len(lines)))
    d = ImageDraw.Draw(out)
    for i, (r, lw) in enumerate(zip(runs, widths)):
        x = {"center": (w - lw) / 2, "left": 2, "right": w - lw - 2}[align]
        base = i * step + (step - height) / 2 + height * 0.86
        for f, t in r:
            d.text((x, base), t, font=f, fill=color, anchor="ls")
            x += f.getlength(t)
    return out


def split_runs(text, height):
    """Cut text into runs for the Chinese face and the Latin face: [(font, run), ...]."""
    runs = []
    for ch in text:
        cjk = is_cjk(ch)
        if runs and runs[-1][0] == cjk:
            runs[-1][1] += ch
        else:
            runs.append([cjk, ch])
    return [(font(height * (1.0 if cjk else 0.86), cjk), t) for cjk, t in runs]


def place(img, tile, x, y, angle=0.0):
    """Composite an RGBA tile onto img, centred on (x, y), turned `angle` degrees clockwise."""
    if angle:
        tile = tile.rotate(-angle, Image.BICUBIC, expand=True)
    if img.mode == "RGBA":
        img.alpha_composite(tile, (round(x - tile.width / 2), round(y - tile.height / 2)))
    else:
        img.paste(tile, (round(x - tile.width / 2), round(y - tile.height / 2)), tile)


def star_points(x, y, r, turn=0.0):
    """A five-pointed star's polygon, first point turned `turn` radians from straight up."""
    pts = []
    for i in range(10):
        a = turn - math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.382
        pts.append((x + rr * math.cos(a), y + rr * math.sin(a)))
    return pts


def china_flag(height):
    """The flag of China as an RGBA tile, 3:2."""
    h = max(4, round(height))
    w = round(h * 1.5)
    k = 4
    img = Image.new("RGBA", (w * k, h * k), (222, 41, 16, 255))
    d = ImageDraw.Draw(img)
    u = h * k / 20
    yellow = (255, 222, 0, 255)
    d.polygon(star_points(5 * u, 5 * u, 3 * u), fill=yellow)
    for sx, sy in ((10, 2), (12, 4), (12, 7), (10, 9)):
        d.polygon(star_points(sx * u, sy * u, u, math.atan2(5 - sy, 5 - sx) + math.pi / 2), fill=yellow)
    return img.resize((w, h), Image.LANCZOS)


class Pen:
    """Draws shapes given in local units, scaled by `unit`, turned by `angle` degrees, placed at (ox, oy).

    With `mono` set every shape is filled with that value instead (used for masks).
    """

    def __init__(self, draw, ox, oy, unit, angle=0.0, mono=None, flip=False):
        self.d, self.ox, self.oy, self.u, self.angle, self.mono, self.flip = draw, ox, oy, unit, angle, mono, flip
        self.c, self.s = math.cos(math.radians(angle)), math.sin(math.radians(angle))

    def pt(self, x, y):
        x, y = (-x if self.flip else x) * self.u, y * self.u
        return (self.ox + x * self.c - y * self.s, self.oy + x * self.s + y * self.c)

    def at(self, x, y, angle=0.0):
        """A pen centred on local point (x, y), turned to an absolute angle."""
        return Pen(self.d, *self.pt(x, y), self.u, angle, self.mono, self.flip)

    def turned(self, x, y, angle):
        """A pen centred on local point (x, y), turned `angle` degrees more than this one."""
        return self.at(x, y, self.angle + (-angle if self.flip else angle))

    def mirrored(self):
        """The same pen drawing left for right (a figure facing -x)."""
        return Pen(self.d, self.ox, self.oy, self.u, self.angle, self.mono, not self.flip)

    def fill(self, col):
        return col if self.mono is None else self.mono

    def poly(self, pts, col):
        self.d.polygon([self.pt(*p) for p in pts], fill=self.fill(col))

    def rect(self, x0, y0, x1, y1, col):
        self.poly([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], col)

    def oval(self, x, y, rx, ry, col, n=24):
        self.poly([(x + rx * math.cos(a / n * math.tau), y + ry * math.sin(a / n * math.tau)) for a in range(n)], col)

    def dot(self, x, y, r, col):
        self.d.ellipse(box(*self.pt(x, y), r * self.u), fill=self.fill(col))

    def line(self, pts, w, col):
        self.d.line([self.pt(*p) for p in pts], fill=self.fill(col), width=max(1, round(w * self.u)), joint="curve")
        for p in (pts[0], pts[-1]):
            self.dot(*p, w / 2, col)

    def hair(self, pts, col, w=1):
        """A line exactly `w` pixels wide, whatever the scale: seams, cell grids, wires."""
        self.d.line([self.pt(*p) for p in pts], fill=self.fill(col), width=w)

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

    def cylinder(self, x0, x1, r0, col, r1=None, lit=0.7, shade=(40, 60, 110), bands=18):
        """A body of revolution along local x from x0 to x1, radius r0 to r1, shaded across its width.

        `lit` is where across the width (-1 top .. 1 bottom) the light is brightest; the dark side takes `shade`.
        """
        r1 = r0 if r1 is None else r1
        for i in range(bands):
            a, b = -1 + 2 * i / bands, -1 + 2 * (i + 1) / bands
            m = (a + b) / 2
            lum = max(0.0, 1 - abs(m - lit) * 0.75) ** 1.3
            c = mix(mix(col, shade, 0.55), mix(col, WHITE, 0.25), lum)
            self.poly([(x0, a * r0), (x1, a * r1), (x1, b * r1 + 0.01), (x0, b * r0 + 0.01)], c)

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

    def cells(self, rng, x0, y0, x1, y1, col, nx, ny, frame=None, sheen=0.0):
        """A solar array drawn cell by cell: a frame, nx by ny cells of slightly varying tone, thin gaps.

        `sheen` brightens cells towards the (x1, y0) corner, as if catching the light.
        """
        (x0, x1), (y0, y1) = sorted((x0, x1)), sorted((y0, y1))
        self.rect(x0, y0, x1, y1, frame or mix(col, WHITE, 0.4))
        m = min(x1 - x0, y1 - y0) * 0.03
        gx, gy = (x1 - x0 - 2 * m) / nx, (y1 - y0 - 2 * m) / ny
        g = min(gx, gy) * 0.1
        for i in range(nx):
            for j in range(ny):
                t = sheen * (i / max(nx - 1, 1) * 0.6 + (1 - j / max(ny - 1, 1)) * 0.4)
                speck = BLACK if rng.random() < 0.5 else WHITE
                c = mix(mix(col, (170, 190, 255), t * 0.5), speck, rng.uniform(0, 0.07))
                cx0, cy0 = x0 + m + i * gx, y0 + m + j * gy
                self.rect(cx0 + g / 2, cy0 + g / 2, cx0 + gx - g / 2, cy0 + gy - g / 2, c)

    def text(self, lines, x, y, height, color, angle=0.0, **kw):
        """Paint text lines centred on local (x, y), `height` local units a line, along the pen's x axis."""
        tile = text_tile(lines, height * self.u, color, **kw)
        place(self.d._image, tile, *self.pt(x, y), self.angle + angle)

    def flag(self, x, y, height, angle=0.0):
        place(self.d._image, china_flag(height * self.u), *self.pt(x, y), self.angle + angle)
