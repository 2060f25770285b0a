"""Spacecraft, drawn with a Pen in metres: China's station and its visitors, the ISS, Soyuz and its rocket.

The detailed craft are drawn big on a supersampled sprite (see `sprite`) so cell
grids, seams, trusses and painted names stay crisp at native resolution.
"""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from stills import WHITE, Pen, grain, mix, place

SHELL, SHADE = (232, 233, 236), (70, 84, 120)
WING, GOLD, METAL = (30, 40, 104), (150, 105, 45), (150, 152, 160)
INK, RED = (28, 30, 38), (196, 30, 36)


def sprite(img, rng, x, y, size, unit, angle, draw, ss=3, centre=(0, 0), texture=0.05):
    """Draw draw(pen, rng) on a transparent canvas `size` metres square, `ss` times oversampled, and lay it on img.

    Local point `centre` (metres) of the drawing lands on picture point (x, y); `unit` is picture pixels per metre.
    `texture` adds a faint mottling, like the quilted blankets on real spacecraft.
    """
    side = int(size * unit * ss)
    canvas = Image.new("RGBA", (side, side))
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    ox = side / 2 - (centre[0] * c - centre[1] * s) * unit * ss
    oy = side / 2 - (centre[0] * s + centre[1] * c) * unit * ss
    draw(Pen(ImageDraw.Draw(canvas), ox, oy, unit * ss, angle), rng)
    small = canvas.resize((side // ss, side // ss), Image.LANCZOS)
    if texture:
        rgb = small.convert("RGB")
        grain(rgb, rng, texture, max(1.0, unit * 0.25))
        grain(rgb, rng, texture * 0.6, 1.0)
        rgb.putalpha(small.getchannel("A"))
        small = rgb
    img.paste(small, (round(x - small.width / 2), round(y - small.height / 2)), small)


def hairline(p):
    """Line width in canvas pixels that ends up about one picture pixel wide."""
    return max(1, round(p.u / 34))


def body(p, x0, x1, r0, col, r1=None, seams=1.0, lit=0.45):
    """A shaded body of revolution along x, with circumferential and lengthwise panel seams."""
    r1 = r0 if r1 is None else r1
    p.cylinder(x0, x1, r0, col, r1, lit=lit, shade=SHADE, bands=24)
    hw, seam = hairline(p), mix(col, (90, 96, 110), 0.45)
    n = max(1, round(abs(x1 - x0) / seams))
    for i in range(1, n):
        x = x0 + (x1 - x0) * i / n
        rr = r0 + (r1 - r0) * i / n
        p.hair([(x, -rr * 0.98), (x, rr * 0.98)], seam, hw)
    for f in (-0.62, -0.2, 0.3, 0.74):
        p.hair([(x0, f * r0), (x1, f * r1)], mix(seam, col, 0.4), hw)


def dock(p, x, r, facing=1):
    """A docking port at x, facing +x (facing=1) or -x: collar, ring and guide petals."""
    p.rect(x, -r, x + facing * 0.35, r, (176, 178, 184))
    p.rect(x + facing * 0.35, -r * 0.82, x + facing * 0.6, r * 0.82, (92, 96, 108))
    for s in (-1, 1):
        tip = x + facing * 0.6
        p.poly([(tip, s * r * 0.3), (tip + facing * 0.35, s * r * 0.5), (tip, s * r * 0.8)], (200, 202, 208))


def truss(p, x0, x1, half, col):
    """A lattice mast along x: two longerons with battens and diagonal bracing."""
    hw = hairline(p)
    p.hair([(x0, -half), (x1, -half)], col, hw * 2)
    p.hair([(x0, half), (x1, half)], col, hw * 2)
    n = max(2, int(abs(x1 - x0) / (half * 2.2)))
    for i in range(n + 1):
        x = x0 + (x1 - x0) * i / n
        p.hair([(x, -half), (x, half)], col, hw)
        if i < n:
            xn = x0 + (x1 - x0) * (i + 1) / n
            p.hair([(x, -half if i % 2 else half), (xn, half if i % 2 else -half)], mix(col, (0, 0, 0), 0.25), hw)


def wing(p, rng, x, y0, y1, width, col=WING, sheen=0.4):
    """A flexible solar wing along y from y0 to y1, centred on x: blankets of cells either side of a lattice mast."""
    s = 1 if y1 > y0 else -1
    length = abs(y1 - y0)
    for side in (-1, 1):
        xa, xb = x + side * 0.12, x + side * width / 2
        p.cells(rng, xa, y0 + s * 0.3, xb, y1, col, max(2, round(width / 2 / 0.5)), max(4, round(length / 0.32)),
                frame=(128, 120, 100), sheen=sheen)
    q = p.turned(x, 0, 90)
    truss(q, y0, y1, 0.12, (196, 190, 170))
    p.rect(x - width / 2 - 0.05, y1, x + width / 2 + 0.05, y1 + s * 0.25, (176, 170, 150))
    p.rect(x - 0.35, y0, x + 0.35, y0 + s * 0.3, (120, 122, 130))


def panels(p, rng, x, y0, y1, width, n, col=WING):
    """A rigid solar wing along y: n hinged panels, each a grid of cells, on a short yoke."""
    s = 1 if y1 > y0 else -1
    p.rect(x - 0.06, y0, x + 0.06, y0 + s * 0.5, METAL)
    step = (abs(y1 - y0) - 0.5) / n
    for i in range(n):
        a = y0 + s * (0.5 + i * step + 0.04)
        b = y0 + s * (0.5 + (i + 1) * step - 0.04)
        p.cells(rng, x - width / 2, a, x + width / 2, b, col, max(3, round(width / 0.3)), max(3, round(step / 0.3)),
                frame=(150, 150, 158), sheen=0.35)


def radiator(p, x0, y0, x1, y1):
    """A white radiator panel with its fluid loops showing as fine ribs."""
    p.rect(x0, y0, x1, y1, (238, 240, 244))
    hw = hairline(p)
    n = max(3, int(abs(x1 - x0) / 0.12))
    for i in range(1, n):
        x = x0 + (x1 - x0) * i / n
        p.hair([(x, y0), (x, y1)], (196, 200, 210), hw)
    p.hair([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)], (150, 154, 166), hw)


def nozzles(p, x, r, n, facing=-1):
    for i in range(n):
        y = -r + 2 * r * (i + 0.5) / n
        bell = x + facing * 0.45
        p.poly([(x, y - 0.12), (bell, y - 0.22), (bell, y + 0.22), (x, y + 0.12)], (84, 80, 78))


def tianzhou(p, rng, name=None, number=None, flip=False):
    """A Tianzhou cargo ship with its docking port at x = 0 pointing -x, the engines at +x (about 10.6 m)."""
    dock(p, 0, 0.62, -1)
    body(p, 0, 1.0, 0.85, SHELL, 1.675)
    body(p, 1.0, 6.6, 1.675, (236, 236, 232))
    body(p, 6.6, 7.1, 1.675, (190, 186, 170), 1.45)
    body(p, 7.1, 10.3, 1.45, (214, 204, 170))
    nozzles(p, 10.3, 0.9, 4, 1)
    for s in (-1, 1):
        panels(p, rng, 8.6, s * 1.45, s * 7.4, 1.8, 3)
    for x in (2.0, 4.0, 6.0):
        p.rect(x - 0.1, -1.66, x + 0.1, -1.5, (208, 170, 60))
    if name:
        k, turn = (-1, 180) if flip else (1, 0)
        p.flag(1.9 if not flip else 5.9, -0.9 * k, 0.55, turn)
        p.text([name], 3.9, -0.55 * k, 0.78, RED, turn)
        p.text([number], 3.9, 0.55 * k, 0.56, INK, turn)


def shenzhou(p, rng, name=None, number=None, wings=4):
    """A Shenzhou crew ship along x, docking port at x = 0 pointing -x: orbital module, descent bell, service module."""
    dock(p, 0, 0.55, -1)
    body(p, 0.35, 3.1, 1.1, (226, 228, 222), seams=0.7)
    p.oval(1.9, 0.2, 0.18, 0.14, (40, 60, 90))
    body(p, 3.1, 5.4, 0.95, (214, 210, 200), 1.25, seams=0.8)
    p.oval(4.4, 0.35, 0.16, 0.12, (40, 60, 90))
    body(p, 5.4, 5.7, 1.25, (120, 118, 116))
    body(p, 5.7, 8.6, 1.4, (236, 236, 232), seams=1.45)
    nozzles(p, 8.6, 0.8, 3, 1)
    for s in (-1, 1):
        panels(p, rng, 7.1, s * 1.4, s * 8.4, 2.0, wings)
    if name:
        q = p.turned(7.15, 0, -90)
        q.text([name], 0, -0.42, 0.5, RED)
        q.text([number], 0, 0.38, 0.46, INK, condense=0.78)
        p.flag(2.2, -0.55, 0.42, -90)


def tianhe_parts(p, rng, labels=True):
    """Tianhe core module along x: aft resource module at x = -15, node at +1.9, ports fore, aft and radial."""
    hw = hairline(p)
    for s in (-1, 1):  # two big flexible wings on the resource module
        wing(p, rng, -13.2, s * 1.5, s * 14.5, 3.0)
    for s in (-1, 1):
        radiator(p, -11.3, s * 2.2, -9.4, s * 4.3)
        p.rect(-10.45, s * 2.0, -10.25, s * 2.25, METAL)
    body(p, -15.0, -11.5, 1.45, (220, 214, 196))
    nozzles(p, -15.0, 1.0, 4)
    body(p, -11.5, -3.8, 2.1, SHELL, seams=1.1)
    body(p, -3.8, -2.8, 2.1, (224, 226, 230), 1.4)
    body(p, -2.8, 0.6, 1.4, SHELL, seams=0.85)
    p.dot(1.9, 0, 1.42, mix(SHELL, SHADE, 0.35))
    p.dot(1.9, 0.18, 1.28, SHELL)
    p.dot(1.75, 0.35, 0.75, mix(SHELL, WHITE, 0.5))
    p.oval(1.9, 0.0, 0.55, 0.55, (150, 154, 166))  # a lateral berthing port, facing the viewer
    p.oval(1.9, 0.0, 0.42, 0.42, (96, 100, 112))
    dock(p, 3.3, 0.62, 1)
    q = p.turned(1.9, -1.35, -90)
    dock(q, 0, 0.55, 1)
    for x, y in ((-6.5, -1.65), (-1.4, -1.0)):
        p.oval(x, y, 0.22, 0.15, (36, 52, 80))
    arm = [(-8.6, -2.25), (-4.0, -2.35), (-3.6, -1.7), (0.2, -1.62)]  # the station's robotic arm, folded
    p.line(arm, 0.26, (240, 240, 242))
    for (ax, ay), (bx, by) in zip(arm, arm[1:]):
        p.hair([(ax, ay + 0.1), (bx, by + 0.1)], (170, 172, 180), hairline(p))
    for x, y in arm:
        p.dot(x, y, 0.26, (150, 150, 160))
        p.dot(x, y, 0.12, (90, 92, 100))
    p.rect(-12.0, 1.9, -11.6, 2.45, METAL)
    p.oval(-11.8, 2.75, 0.55, 0.3, (226, 228, 232))
    p.hair([(-11.8, 2.45), (-11.8, 2.75)], METAL, hw * 2)
    for x in (-10.5, -8.2, -5.9):
        p.rect(x, 1.86, x + 0.5, 2.06, (208, 170, 60))
    if labels:
        p.flag(-10.55, -0.95, 0.82)
        p.text(["天和 TIANHE"], -6.9, -0.95, 0.9, INK)
        p.text(["中国载人航天"], -6.9, 0.55, 0.42, RED)
        p.text(["CHINA MANNED SPACE"], -6.9, 1.15, 0.3, (70, 74, 86))


def station(p, rng):
    """China's space station in April 2022: Tianhe, Tianzhou-3 at the aft port, Shenzhou-13 on the radial port."""
    tianzhou(p.turned(-15.4, 0, 180), rng, "天舟三号", "TIANZHOU-3", flip=True)
    tianhe_parts(p, rng)
    shenzhou(p.turned(1.9, 1.45, 90), rng, "神舟十三号", "SHENZHOU-13")


def tiangong(p, rng):
    """The finished T-shaped station seen from above: Tianhe as the stem, the two lab modules across its head."""
    for sx in (-1, 1):
        for sy in (-1, 1):
            wing(p, rng, sx * 17.6, sy * 2.4, sy * 21, 4.8)
    p.rect(-9.5, 11.85, 9.5, 12.15, METAL)
    for sx in (-1, 1):
        p.cells(rng, sx * 2.2, 10.8, sx * 9.5, 13.2, WING, 16, 4, frame=(150, 150, 158), sheen=0.35)
    for sx in (-1, 1):  # the lab modules
        q = p.turned(sx * 1.6, 0, 0 if sx > 0 else 180)
        body(q, 0, 15.5, 2.1, SHELL, seams=1.3)
        dock(q, 15.5, 0.6, 1)
        radiator(q, 5.5, 2.1, 9.0, 3.8)
        radiator(q, 5.5, -3.8, 9.0, -2.1)
        q.flag(12.5, -0.9, 0.8, 0 if sx > 0 else 180)
        q.turned(12.5, 0.35, 0 if sx > 0 else 180).text(["中国载人航天"], 0, 0, 0.45, RED)
    q = p.turned(0, 1.4, 90)  # Tianhe, the stem
    body(q, 0, 3.4, 1.4, SHELL, seams=0.85)
    body(q, 3.4, 4.4, 1.4, (224, 226, 230), 2.1)
    body(q, 4.4, 12.1, 2.1, SHELL, seams=1.1)
    body(q, 12.1, 15.6, 1.45, (220, 214, 196))
    q.flag(6.2, 0.9, 0.8, -90)
    q.turned(8.8, 0, -90).text(["天和", "TIANHE"], 0, 0, 0.8, INK)
    p.dot(0, 0, 1.75, mix(SHELL, SHADE, 0.3))
    p.dot(-0.1, 0.1, 1.6, SHELL)
    p.dot(-0.45, -0.45, 0.8, mix(SHELL, WHITE, 0.5))
    shenzhou(p.turned(0, -1.6, -90), rng)
    tianzhou(p.turned(0, 15.6, 90), rng)


def iss(p, rng=None):
    """The International Space Station seen from above: long truss, four pairs of golden wings."""
    import random

    rng = rng or random.Random("iss")
    truss_col = (170, 170, 178)
    for x in (-26, -19, 19, 26):
        p.rect(x - 0.2, -17, x + 0.2, 17, truss_col)
        for sy in (-1, 1):
            for dx in (-1.45, 1.45):
                p.cells(rng, x + dx - 1.15, sy * 1.4, x + dx + 1.15, sy * 16.5, GOLD, 4, 30, frame=(190, 170, 120),
                        sheen=0.3)
            q = p.turned(x, 0, 90)
            truss(q, sy * 1.4, sy * 16.5, 0.14, (210, 200, 170))
    for x in (-11, -8, 8, 11):
        radiator(p, x - 1, 1, x + 1, 7.5)
    p.rect(-29, -0.9, 29, 0.9, truss_col)
    truss(p, -29, 29, 0.8, (110, 110, 120))
    q = p.turned(0, -9, 90)
    body(q, 0, 21, 1.5, SHELL, seams=1.5)
    body(p.turned(-4.5, -6.6, 0), 0, 9, 1.4, SHELL, seams=1.5)
    body(p.turned(0, 12, 90), 0, 8, 1.3, (210, 206, 190), seams=1.3)
    p.cells(rng, -7, 15.6, -1.3, 17, (30, 50, 110), 12, 3, frame=(150, 150, 158))
    p.cells(rng, 1.3, 15.6, 7, 17, (30, 50, 110), 12, 3, frame=(150, 150, 158))
    p.dot(0, -2, 1.8, SHELL)


def soyuz(p, rng=None, name=None):
    """A Soyuz spacecraft pointing +x: service module with wings, descent bell, orbital module."""
    import random

    rng = rng or random.Random("soyuz")
    green, grey = (120, 132, 104), (190, 192, 188)
    for s in (-1, 1):
        p.cells(rng, -5.4, s * 1.8, -3.6, s * 10, (32, 56, 118), 4, 16, frame=(150, 150, 158), sheen=0.3)
    body(p, -7.2, -2.2, 1.7, grey, seams=1.2)
    p.rect(-7.6, -1.3, -7.2, 1.3, (90, 90, 96))
    body(p, -2.2, 1.0, 1.7, green, 1.15, seams=0.8)
    p.rect(0.9, -0.7, 1.5, 0.7, (96, 104, 90))
    p.oval(2.95, 0, 1.75, 1.45, mix(green, (0, 0, 0), 0.2))
    p.oval(2.9, -0.1, 1.65, 1.32, green)
    p.oval(2.6, -0.5, 1.0, 0.55, mix(green, WHITE, 0.35))
    p.oval(3.4, 0.5, 0.25, 0.18, (30, 40, 60))
    p.line([(4.7, 0), (5.7, 0)], 0.3, (200, 200, 200))
    if name:
        place(p.d._image, russia_flag(0.7 * p.u), *p.pt(-6.2, -0.75), p.angle)
        p.text([name], -4.3, 0.55, 0.55, INK)


def rocket(p):
    """A Soyuz launcher standing on y = 0 with its nose at y = -33."""
    body_, side, dark = (220, 214, 205), (150, 140, 140), (60, 50, 55)
    p.poly([(-0.9, -15), (-3.1, -2.2), (-3.1, 0), (-1.3, 0)], side)
    p.poly([(0.9, -15), (3.1, -2.2), (3.1, 0), (1.3, 0)], side)
    p.tube(-1.35, -21, 1.35, 0, body_)
    p.poly([(-0.7, -15), (-2.6, -2.2), (-2.6, 0), (-0.9, 0)], body_)
    p.poly([(0.7, -15), (2.6, -2.2), (2.6, 0), (0.9, 0)], mix(body_, (0, 0, 0), 0.2))
    for sx in (-1, 1):
        p.line([(sx * 0.7, -15), (sx * 0.9, 0)], 0.12, side)
    p.rect(-1.3, -21, 1.3, -20.3, dark)
    p.tube(-1.3, -25, 1.3, -21, body_)
    p.poly([(-1.6, -25), (-1.6, -29), (-0.8, -31.2), (0.8, -31.2), (1.6, -29), (1.6, -25)], body_)
    p.poly([(0.4, -25), (0.4, -31.2), (0.8, -31.2), (1.6, -29), (1.6, -25)], mix(body_, (0, 0, 0), 0.2))
    p.line([(0, -31), (0, -34)], 0.3, dark)
    for x in (-2.2, -0.6, 0.6, 2.2):
        p.poly([(x - 0.5, 0), (x + 0.5, 0), (x + 0.7, 0.9), (x - 0.7, 0.9)], dark)


def russia_flag(height):
    """The flag of Russia as an RGBA tile, 3:2."""
    h = max(3, round(height))
    img = Image.new("RGBA", (round(h * 1.5), h), (255, 255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle((0, h / 3, img.width, 2 * h / 3), fill=(0, 57, 166, 255))
    d.rectangle((0, 2 * h / 3, img.width, h), fill=(213, 43, 30, 255))
    return img
