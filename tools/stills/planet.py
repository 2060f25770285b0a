"""The Earth seen from orbit: fractal land and cloud painted on a map, then wrapped onto the globe.

A `Globe` is a sphere of radius r centred on (cx, cy) in picture pixels, usually
far below the frame so only its rim shows. Its surface is painted on a flat map
(latitude and longitude about a pole lying in the picture's x axis, so no pole
is ever in view) and projected onto the picture with a mesh transform fine
enough to follow the curve of the limb. The map is at least as sharp as the
picture everywhere, so a zoom to native pixels finds coastlines, cloud
fringes and single street lights rather than blur.
"""

from __future__ import annotations

import math
import re

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageMath, ImageOps

from stills import blurred, box, curve, gradient, mix, scaled, shape, shine, smooth, stars
from stills.noise import fbm, noise, swirl, warp


class Globe:
    def __init__(self, size, cx, cy, r, light, soft=1.0, res=1.0):
        self.w, self.h = size
        self.cx, self.cy, self.r, self.soft = cx, cy, r, soft
        n = math.sqrt(sum(c * c for c in light))
        self.light = tuple(c / n for c in light)
        self.crop = (max(0, math.floor(cx - r)), max(0, math.floor(cy - r)),
                     min(self.w, math.ceil(cx + r)), min(self.h, math.ceil(cy + r)))
        x0, y0, x1, y1 = self.crop
        lats, lons, flat = [], [], [0.05]
        pts = [(x0 + (x1 - x0) * i / 48, y0 + (y1 - y0) * j / 48) for i in range(49) for j in range(49)]
        pts += [(cx + r * math.cos(a / 720 * math.tau), cy + r * math.sin(a / 720 * math.tau)) for a in range(720)]
        for x, y in pts:
            if x0 <= x <= x1 and y0 <= y <= y1 and math.hypot(x - cx, y - cy) <= r:
                lat, lon = self.latlon(x, y)
                lats.append(lat)
                lons.append(lon)
                flat.append(math.cos(lat) * abs(math.cos(lon)))
        self.lat0, lat1 = min(lats) - 0.02, max(lats) + 0.02
        lon0, self.lon1 = min(lons) - 0.02, max(lons) + 0.02
        self.su, self.sv = res, res * max(flat)
        self.size = (math.ceil((lat1 - self.lat0) * r * self.su), math.ceil((self.lon1 - lon0) * r * self.sv))

    def normal(self, x, y):
        nx, ny = (x - self.cx) / self.r, (y - self.cy) / self.r
        q = nx * nx + ny * ny
        if q >= 1:
            s = 1 / math.sqrt(q)
            return nx * s, ny * s, 0.0
        return nx, ny, math.sqrt(1 - q)

    def latlon(self, x, y):
        nx, ny, nz = self.normal(x, y)
        return math.asin(max(-1.0, min(1.0, nx))), math.atan2(-ny, nz)

    def to_map(self, x, y):
        lat, lon = self.latlon(x, y)
        return (lat - self.lat0) * self.r * self.su, (self.lon1 - lon) * self.r * self.sv

    def to_image(self, u, v):
        """Picture position of map point (u, v), and whether it faces us."""
        lat, lon = u / (self.r * self.su) + self.lat0, self.lon1 - v / (self.r * self.sv)
        ny, nz = -math.cos(lat) * math.sin(lon), math.cos(lat) * math.cos(lon)
        return self.cx + math.sin(lat) * self.r, self.cy + ny * self.r, nz > 0

    def sun(self, x, y):
        """Cosine of the sun's height at the surface point under (x, y)."""
        n = self.normal(x, y)
        return sum(a * b for a, b in zip(n, self.light))

    def toward_sun(self):
        """Unit vector in map pixels pointing the way the surface gets lighter (the sun's side)."""
        x0, y0, x1, y1 = self.crop
        u, v = self.to_map((x0 + x1) / 2, (y0 * 0.2 + y1 * 0.8))
        best = max(((du, dv) for du, dv in ((math.cos(a / 16 * math.tau), math.sin(a / 16 * math.tau)) for a in range(16))),
                   key=lambda d: self.sun(*self.to_image(u + d[0] * 20, v + d[1] * 20)[:2]))
        return best

    def mesh(self, tol=0.6):
        """Mesh for Image.transform: every picture cell of the crop with the map quad it shows."""
        x0, y0, x1, y1 = self.crop
        cache = {}

        def m(x, y):
            k = (x, y)
            if k not in cache:
                cache[k] = self.to_map(x + x0, y + y0)
            return cache[k]

        out = []

        def cell(ax, ay, bx, by):
            a, b, c, d = m(ax, ay), m(ax, by), m(bx, by), m(bx, ay)
            if bx - ax > 2:
                mx, my = (ax + bx) / 2, (ay + by) / 2
                err = 0.0
                for (px, py), (s, t) in (((mx, my), (0.5, 0.5)), ((mx, ay), (0.5, 0)), ((mx, by), (0.5, 1)),
                                         ((ax, my), (0, 0.5)), ((bx, my), (1, 0.5))):
                    tu, tv = m(px, py)
                    iu = (a[0] * (1 - t) + b[0] * t) * (1 - s) + (d[0] * (1 - t) + c[0] * t) * s
                    iv = (a[1] * (1 - t) + b[1] * t) * (1 - s) + (d[1] * (1 - t) + c[1] * t) * s
                    err = max(err, abs(tu - iu), abs(tv - iv))
                if err > tol:
                    hx, hy = (ax + bx) // 2, (ay + by) // 2
                    for q in ((ax, ay, hx, hy), (hx, ay, bx, hy), (ax, hy, hx, by), (hx, hy, bx, by)):
                        if q[2] > q[0] and q[3] > q[1]:
                            cell(*q)
                    return
            out.append(((ax, ay, bx, by), (*a, *b, *c, *d)))

        step = 64
        for gx in range(0, x1 - x0, step):
            for gy in range(0, y1 - y0, step):
                cell(gx, gy, min(gx + step, x1 - x0), min(gy + step, y1 - y0))
        return out

    def field(self, fn, step, mode="RGB", area=None):
        """A smooth picture-space field fn(x, y) over `area` (default: the crop), sampled every `step` pixels."""
        x0, y0, x1, y1 = area or self.crop
        gw, gh = math.ceil((x1 - x0) / step) + 3, math.ceil((y1 - y0) / step) + 3
        small = Image.new(mode, (gw, gh))
        small.putdata([fn(x0 + i * step, y0 + j * step) for j in range(gh) for i in range(gw)])
        return small.resize((x1 - x0, y1 - y0), Image.BICUBIC, box=(0.5, 0.5, 0.5 + (x1 - x0) / step, 0.5 + (y1 - y0) / step))


# --- painting the map ---------------------------------------------------------


def threshold_for(mask, fraction):
    """The level above which `fraction` of the mask's pixels lie."""
    hist, total, acc = mask.histogram(), mask.width * mask.height, 0
    for level in range(255, -1, -1):
        acc += hist[level]
        if acc >= fraction * total:
            return level
    return 0


def relief(height, toward, strength, reach=2):
    """Hill shading: brighter (above 128) where `height` rises away from the light."""
    lit = ImageChops.offset(height, round(toward[0] * reach), round(toward[1] * reach))
    return ImageChops.subtract(lit, height, 1 / strength, 128)


def mountains(rng, size, cell, sq):
    """Mountain country: crumpled fractal relief with sharpened crests (turbulence noise), 0..255."""
    n = fbm(rng, size, cell, 1.5, 0.62, (1, sq), 1.2)
    return n.point([round(255 * (1 - abs(v - 128) / 128) ** 1.6) for v in range(256)])


def paint_land(g, rng, land, bias):
    """Ground colour on the map (sea, shelf, coast, terrain), and the land mask."""
    size, unit, sq = g.size, g.r * g.su, g.sv / g.su
    e = fbm(rng, size, 0.16 * unit, 2, 0.55, (1, sq))
    for x, y, rad, amount in bias:
        u, v = g.to_map(x, y)
        rr = rad * unit
        blob = shape(size, lambda d, u=u, v=v, rr=rr: d.ellipse(box(u, v, rr, rr * sq), fill=255), rr * 0.5)
        e = ImageChops.add(e, scaled(blob, amount / 255)) if amount > 0 else ImageChops.subtract(e, scaled(blob, -amount / 255))
    t = threshold_for(e, land)
    mask = curve(e, lambda v: (v - t) * 96 + 128)
    shelf = curve(e, lambda v: 255 - (t - v) * 12 if v < t else 0)
    toward = g.toward_sun()
    belts = curve(noise(rng, size, 0.06 * unit, (1, sq)), lambda v: (v - 100) * 2.5)  # where the mountain ranges run
    peaks = mountains(rng, size, 0.02 * unit, sq)
    inland = curve(e, lambda v: (v - t) * 10)
    rise = ImageChops.multiply(ImageChops.multiply(peaks, belts), inland)
    hills = fbm(rng, size, 0.012 * unit, 8, 0.66, (1, sq))
    height = ImageMath.lambda_eval(lambda a: a["e"] * 0.3 + a["h"] * (0.25 + a["b"] / 255 * 0.55) + a["r"] * 0.8,
                                   e=e, h=hills, b=belts, r=rise).convert("L")
    height = warp(height, rng, 0.004 * unit, 0.0004 * unit, 16)  # bends the noise lattice out of sight
    shade = relief(blurred(height, 1.0), toward, 7.0)
    wet = fbm(rng, size, 0.05 * unit, 3, 0.6, (1, sq), 1.3)
    ground = ImageOps.colorize(wet, (198, 164, 112), (44, 72, 40), (118, 122, 70))
    speckle = fbm(rng, size, 0.004 * unit, 2.5, 0.7, (1, sq))
    ground = ImageChops.multiply(ground, ImageOps.colorize(speckle, (200, 200, 196), (255, 255, 255), (236, 236, 232)))
    ground.paste((116, 100, 82), mask=curve(rise, lambda v: (v - 50) * 1.2))
    ground.paste((226, 228, 232), mask=curve(rise, lambda v: (v - 205) * 2.0))
    ground = ImageChops.multiply(ground, ImageOps.colorize(shade, (40, 42, 62), (255, 255, 255), (196, 196, 196)))
    sea = ImageOps.colorize(fbm(rng, size, 0.08 * unit, 6, 0.5, (1, sq), 0.6), (6, 26, 70), (22, 70, 130))
    sea.paste((52, 142, 170), mask=curve(shelf, lambda v: v * 0.6))
    sea.paste(ground, mask=mask)
    return sea, mask


def streets(g, rng, dens, n):
    """Cloud streets: rows of small cumulus lined up with the wind, in n patches."""
    unit, sq = g.r * g.su, g.sv / g.su
    for _ in range(n):
        side = int(rng.uniform(0.05, 0.09) * unit)
        u, v = rng.uniform(0.1, 0.9) * g.size[0], rng.uniform(0.3, 0.95) * g.size[1]
        patch = Image.new("L", (side, side))
        d = ImageDraw.Draw(patch)
        a = rng.uniform(-0.6, 0.6)
        gap = rng.uniform(0.0009, 0.0014) * unit
        ca, sa = math.cos(a), math.sin(a)
        gate = noise(rng, (side, side), gap * 2.5)
        for k in range(-int(side / gap), int(side / gap) + 1):
            t, off = -side, rng.uniform(-0.2, 0.2) * gap
            while t < side:
                t += gap * rng.uniform(0.4, 1.2)
                x = side / 2 - sa * (k * gap + off) + ca * t + rng.gauss(0, gap * 0.08)
                y = side / 2 + ca * (k * gap + off) + sa * t + rng.gauss(0, gap * 0.08)
                if 0 <= x < side and 0 <= y < side and gate.getpixel((int(x), int(y))) > rng.randint(70, 150):
                    rr = gap * rng.uniform(0.08, 0.34)
                    d.ellipse(box(x, y, rr * rng.uniform(1.0, 1.8), rr), fill=rng.randint(120, 255))
        patch = warp(patch, rng, gap * 8, gap * 0.6, 16)
        fade = shape((side, side), lambda dd, e=(side * 0.22, side * 0.22, side * 0.78, side * 0.78): dd.ellipse(e, fill=255), side * 0.1)
        fade = curve(ImageChops.multiply(fade, noise(rng, (side, side), side * 0.2)), lambda v: v * 2.4)
        patch = ImageChops.multiply(blurred(patch, gap * 0.05), fade).resize((side, max(1, int(side * sq))), Image.BILINEAR)
        b = (int(u - side / 2), int(v - patch.height / 2))
        region = dens.crop((*b, b[0] + patch.width, b[1] + patch.height))
        dens.paste(ImageChops.lighter(region, patch), b)


def storm(field, rng, u, v, rad, squash, level):
    """A cyclone: spiral rain bands wound round a clear eye; `level` is the field's cloud threshold."""
    b = (int(u - rad), int(v - rad * squash), int(u + rad), int(v + rad * squash))
    patch = field.crop(b)
    c = (rad, rad * squash)
    bands = Image.new("L", patch.size)
    d = ImageDraw.Draw(bands)
    k = rng.randint(3, 4)
    turns = rng.uniform(0.9, 1.2)
    for i in range(k):  # logarithmic-ish spiral arms, thick near the core and thinning outwards
        a0 = i / k * math.tau + rng.uniform(-0.3, 0.3)
        for j in range(240):
            f = j / 240
            rr = rad * (0.08 + 0.9 * f)
            a = a0 + turns * math.tau * f
            wd = rad * (0.09 - 0.07 * f) * rng.uniform(0.7, 1.3)
            d.ellipse(box(c[0] + math.cos(a) * rr, c[1] + math.sin(a) * rr * squash, wd, wd * squash), fill=int(95 * (1 - f * 0.7)))
    core = shape(patch.size, lambda dd: dd.ellipse(box(*c, rad * 0.2, rad * 0.2 * squash), fill=110), rad * 0.06)
    eye = shape(patch.size, lambda dd: dd.ellipse(box(*c, rad * 0.028, rad * 0.028 * squash), fill=255), rad * 0.012)
    fade = shape(patch.size, lambda dd: dd.ellipse(box(*c, rad * 0.75, rad * 0.75 * squash), fill=255), rad * 0.12)
    bands = ImageChops.multiply(ImageChops.lighter(blurred(bands, rad * 0.025), core), fade)
    patch = Image.composite(Image.blend(patch, Image.new("L", patch.size, level - 12), 0.6), patch, fade)
    calm = ImageChops.multiply(ImageChops.invert(blurred(bands, rad * 0.06)), fade)  # clear lanes between the bands
    patch = ImageChops.subtract(ImageChops.add(patch, bands), scaled(calm, 0.12))
    field.paste(ImageChops.subtract(patch, eye), b[:2])
    swirl(field, u, v, rad * 0.9, 0.35, squash)


def paint_clouds(g, rng, cover, storms, n_streets, cirrus, clear, land):
    """Cloud density, cloud brightness and thin cirrus on the map."""
    size, unit, sq = g.size, g.r * g.su, g.sv / g.su
    base = fbm(rng, size, 0.05 * unit, 1.5, 0.6, (1, sq))
    base = warp(base, rng, 0.06 * unit, 0.01 * unit)
    base = warp(base, rng, 0.008 * unit, 0.0016 * unit, 16)
    weather = noise(rng, size, 0.16 * unit, (1, sq))
    for x, y, rad, amount in clear:  # amount > 0 clears the sky there, < 0 clouds it over
        u, v = g.to_map(x, y)
        fill = abs(amount)
        blob = shape(size, lambda d, u=u, v=v, rr=rad * unit, a=fill: d.ellipse(box(u, v, rr, rr * sq), fill=a), rad * unit * 0.5)
        weather = ImageChops.add(weather, blob) if amount > 0 else ImageChops.subtract(weather, blob)
    field = ImageChops.subtract(base, weather, 1.7, 128)
    t = threshold_for(field, cover)
    for _ in range(storms):  # cyclones, out over open sea
        rad = rng.uniform(0.03, 0.05) * unit
        for _ in range(200):
            u, v = rng.uniform(0.15, 0.6) * size[0], rng.uniform(0.4, 0.8) * size[1]
            if all(land.getpixel((int(u + dx * rad), int(v + dy * rad * sq))) < 64 for dx, dy in ((0, 0), (-0.6, 0), (0.6, 0), (0, -0.6), (0, 0.6))):
                break
        storm(field, rng, u, v, rad, sq, t)
    fine = fbm(rng, size, 0.006 * unit, 1.2, 0.8, (1, sq))
    dens = ImageMath.lambda_eval(lambda a: (a["f"] - t) * 14 + (a["e"] - 128) * 3.2, f=field, e=fine, t=t).convert("L")
    streets(g, rng, dens, n_streets)
    thin = fbm(rng, size, 0.02 * unit, 1.2, 0.7, (3, sq * 0.7))
    thin = warp(thin, rng, 0.02 * unit, 0.006 * unit)
    patchy = noise(rng, size, 0.04 * unit, (1, sq))
    thin = ImageChops.multiply(curve(thin, lambda v: (v - 150) * 3), curve(patchy, lambda v: (v - 140) * 3 * cirrus))
    fibres = warp(fbm(rng, size, 0.004 * unit, 1.2, 0.7, (7, sq)), rng, 0.01 * unit, 0.002 * unit)
    thin = ImageChops.multiply(thin, curve(fibres, lambda v: (v - 80) * 2.2))  # cirrus is combed into fine fibres
    toward = g.toward_sun()
    reach = max(2, 0.0004 * unit)
    big = relief(blurred(field, reach), toward, 5.0, reach * 2)
    mid = relief(blurred(ImageChops.add(field, fine, 2), 3), toward, 3.0, 4)
    small = relief(blurred(fine, 1.2), toward, 1.5, 2)
    tone = ImageMath.lambda_eval(lambda a: (a["f"] - t) * 0.6 + (a["b"] - 128) * 1.4 + (a["m"] - 128) * 1.2 + (a["l"] - 128) * 0.6
                                 + (a["e"] - 128) * 0.3 + 150, f=field, b=big, m=mid, l=small, e=fine, t=t).convert("L")
    return dens, tone, thin, toward


# --- the picture ---------------------------------------------------------------

# Light on cloud and ground from full day (1) through sunset colours to night (0).
CLOUD_DUSK = [(0, (13, 16, 30)), (0.12, (52, 44, 70)), (0.3, (170, 100, 92)), (0.45, (246, 160, 104)),
              (0.62, (255, 214, 166)), (0.8, (255, 246, 232)), (1, (255, 255, 255))]
GROUND_DUSK = [(0, (7, 10, 22)), (0.15, (30, 26, 40)), (0.35, (120, 80, 70)), (0.55, (214, 164, 128)),
               (0.8, (250, 240, 228)), (1, (255, 255, 255))]


def ramp(stops, t):
    for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
        if t <= p1:
            return mix(c0, c1, (t - p0) / ((p1 - p0) or 1))
    return stops[-1][1]



class Lights:
    """Street lights on the night side: towns clustered on coasts, strung together by roads and shores.

    Lights are placed on the map (so they sit on the land) and drawn as single picture pixels.
    """

    def __init__(self, g, rng, land):
        self.g, self.rng, self.land = g, rng, land
        self.sq, self.unit = g.sv / g.su, g.r * g.su * 0.0004
        self.points = []  # (u, v, brightness 0..1, warm 0/1)

    def on_land(self, u, v):
        g = self.g
        return 0 <= u < g.size[0] and 0 <= v < g.size[1] and self.land.getpixel((int(u), int(v))) > 127

    def night_box(self):
        """The map box holding the night side in view, or None."""
        g = self.g
        x0, y0, x1, y1 = g.crop
        pts = [g.to_map(x, y) for x, y in ((x0 + (x1 - x0) * i / 59, y0 + (y1 - y0) * j / 59) for j in range(60) for i in range(60))
               if math.hypot(x - g.cx, y - g.cy) < g.r and g.sun(x, y) < 0.02 * g.soft]
        if not pts:
            return None
        us, vs = [u for u, _ in pts], [v for _, v in pts]
        return (max(0, int(min(us)) - 20), max(0, int(min(vs)) - 20), min(g.size[0], int(max(us)) + 20), min(g.size[1], int(max(vs)) + 20))

    def shores(self, b):
        """Every coast pixel in box b, with a string of lights along the busier stretches."""
        part = curve(self.land.crop(b), lambda v: 255 if v > 127 else 0)
        coast = ImageChops.subtract(part.filter(ImageFilter.MaxFilter(3)), part)
        pw = part.width
        shore = [(m.start() % pw + b[0], m.start() // pw + b[1]) for m in re.finditer(rb"[^\x00]", coast.tobytes())]
        busy = noise(self.rng, part.size, 0.03 * self.g.r * self.g.su)
        for u, v in shore:
            k = busy.getpixel((int(u) - b[0], int(v) - b[1])) / 255
            if self.rng.random() < 0.35 * k ** 3:
                self.points.append((u, v, self.rng.uniform(0.2, 0.7) * k, 1))
        return shore

    def town(self, u, v, size):
        """A town of `size`: a bright core, suburbs, and roads wandering out of it."""
        rng, sq = self.rng, self.sq
        rad = self.unit * (2 + 2.2 * math.sqrt(size))
        blobs = [(u, v, rad, size)]
        for _ in range(int(math.sqrt(size)) - 1):  # suburbs and satellite towns round a big city
            a, d = rng.uniform(0, math.tau), rad * rng.uniform(0.8, 2.2)
            blobs.append((u + math.cos(a) * d, v + math.sin(a) * d * sq, rad * rng.uniform(0.3, 0.6), size * 0.15))
        for bu, bv, br, bs in blobs:
            for _ in range(int(50 * bs) + 6):
                a, d = rng.uniform(0, math.tau), br * rng.random() ** 1.5 * 1.9
                pu, pv = bu + math.cos(a) * d, bv + math.sin(a) * d * sq
                if self.on_land(pu, pv):
                    self.points.append((pu, pv, max(0.1, 1 - d / (br * 2)) ** 0.7 * rng.uniform(0.5, 1), int(rng.random() < 0.85)))
        for _ in range(rng.randint(0, 3)):
            a, pu, pv = rng.uniform(0, math.tau), u, v
            for _ in range(int(rad * rng.uniform(1.2, 2.6) / 2)):
                a += rng.gauss(0, 0.12)
                pu, pv = pu + math.cos(a) * 2, pv + math.sin(a) * 2 * sq
                if rng.random() < 0.6 and self.on_land(pu, pv):
                    self.points.append((pu, pv, rng.uniform(0.25, 0.6), 1))

    def highway(self, u, v, tu, tv):
        """Lights along a road from (u, v) towards (tu, tv), until it reaches the town or the sea."""
        rng, sq = self.rng, self.sq
        pu, pv, n = u, v, 0
        while n < 2000 and math.hypot(tu - pu, (tv - pv) / sq) > 3:
            n += 1
            a = math.atan2((tv - pv) / sq, tu - pu) + rng.gauss(0, 0.5)
            pu, pv = pu + math.cos(a) * 2.5, pv + math.sin(a) * 2.5 * sq
            if not self.on_land(pu, pv):
                return
            if rng.random() < 0.45:
                self.points.append((pu, pv, rng.uniform(0.12, 0.45), 1))
                if rng.random() < 0.01:  # a village on the road
                    self.points += [(pu + rng.gauss(0, 4), pv + rng.gauss(0, 4) * sq, rng.uniform(0.3, 0.7), 1) for _ in range(12)]

    def fleet(self, b):
        """A fishing fleet: bright white lamps scattered out at sea."""
        rng = self.rng
        u, v = rng.uniform(b[0], b[2]), rng.uniform(b[1], b[3])
        if self.on_land(u, v):
            return
        for _ in range(rng.randint(25, 60)):
            pu, pv = u + rng.gauss(0, self.unit * 40), v + rng.gauss(0, self.unit * 12)
            if not self.on_land(pu, pv):
                self.points.append((pu, pv, rng.uniform(0.5, 1), 0))

    def draw(self, layer):
        g, (x0, y0) = self.g, self.g.crop[:2]
        buckets = {}
        for u, v, bright, warm in self.points:
            x, y, front = g.to_image(u, v)
            if front:
                buckets.setdefault((min(11, int(bright * 12)), warm), []).append((x - x0, y - y0))
        d = ImageDraw.Draw(layer)
        for (level, warm), pts in sorted(buckets.items()):
            t = (level + 1) / 12
            col = mix((255, 150, 60), (255, 228, 170), t) if warm else mix((170, 220, 255), (240, 255, 250), t)
            d.point(pts, fill=mix((0, 0, 0), col, 0.35 + 0.65 * t))
            if level >= 9:
                d.point([(x + 1, y) for x, y in pts] + [(x, y + 1) for x, y in pts], fill=mix((0, 0, 0), col, 0.6 * t))


def city_lights(g, rng, land, layer, n, fleets):
    """Draw n towns (and `fleets` fishing fleets) of lights on the night side into layer (the crop's size)."""
    lights = Lights(g, rng, land)
    b = lights.night_box()
    if b is None:
        return
    shore = lights.shores(b)
    towns = []
    for _ in range(n):
        if shore and rng.random() < 0.6:
            u, v = rng.choice(shore)
        else:
            u, v = rng.uniform(b[0], b[2]), rng.uniform(b[1], b[3])
            if not lights.on_land(u, v):
                continue
        towns.append((u, v, min(1 / max(rng.random(), 1e-3) ** 0.7, 60)))
    for town in towns:
        lights.town(*town)
    sq = lights.sq
    for i, (u, v, _) in enumerate(towns):  # highways to the nearest towns
        near = sorted(towns[:i] + towns[i + 1:], key=lambda t: (t[0] - u) ** 2 + ((t[1] - v) / sq) ** 2)[:rng.randint(1, 2)]
        for tu, tv, _ in near:
            lights.highway(u, v, tu, tv)
    for _ in range(fleets):
        lights.fleet(b)
    lights.draw(layer)


def earth(img, rng, cx, cy, r, light, cover=0.5, land=0.35, cities=0, soft=1.0, res=1.0, storms=0, streets=0,
          cirrus=1.0, fleets=0, bias=(), clear=(), glint=None, lightning=0, km=1.0, airglow=0.0):
    """Paint the lit Earth of radius r centred on (cx, cy), often far outside the frame for a limb view.

    `light` points towards the sun; `soft` scales the width of the day/night terminator. `res` is map
    pixels per picture pixel (1 for a still shown at native size, less when the picture is supersampled).
    `bias` lifts (or sinks) the land in discs (x, y, radius in r, amount); `clear` clears (or, < 0, gathers) cloud likewise.
    `glint` is a sun reflection (x, y, rx, ry) on the sea; `km` stretches the height of the atmosphere;
    `airglow` is the strength of the thin green line of night airglow above the limb.
    """
    g = Globe(img.size, cx, cy, r, light, soft, res)
    ground, land_map = paint_land(g, rng, land, bias)
    dens, tone, thin, toward = paint_clouds(g, rng, cover, storms, streets, cirrus, clear, land_map)
    reach = max(1, round(0.0011 * r * res))
    shadow = ImageChops.offset(blurred(dens, reach * 0.6), round(-toward[0] * reach), round(-toward[1] * reach))
    ground = ImageChops.multiply(ground, ImageOps.invert(scaled(shadow, 0.5).convert("RGB")))
    x0, y0, x1, y1 = g.crop
    layer = Image.new("RGB", (x1 - x0, y1 - y0))
    if cities or fleets:
        city_lights(g, rng, land_map, layer, cities, fleets)
    mesh = g.mesh()
    ground, lmask, dens, tone, thin = (m.transform(layer.size, Image.MESH, mesh, Image.BILINEAR)
                                       for m in (ground, land_map, dens, tone, thin))
    del land_map
    s, step = g.soft, max(4, int(min(layer.size) / 160))

    def lit(x, y, cloud):
        t, nz = g.sun(x, y), g.normal(x, y)[2]
        day = smooth(-0.2 * s, 0.3 * s, t) if cloud else smooth(-0.16 * s, 0.35 * s, t)
        c = ramp(CLOUD_DUSK if cloud else GROUND_DUSK, day)
        k = (0.78 + 0.22 * math.sqrt(nz)) if cloud else (0.55 + 0.45 * math.sqrt(nz))
        return tuple(round(v * (k if day > 0.5 else 1 - (1 - k) * day * 2)) for v in c)

    out = ImageChops.multiply(ground, g.field(lambda x, y: lit(x, y, False), step))
    cloudlit = g.field(lambda x, y: lit(x, y, True), step)
    white = ImageOps.colorize(tone, (118, 130, 160), (255, 255, 255), (212, 218, 234))
    out.paste(ImageChops.multiply(white, cloudlit), mask=dens)
    out.paste(ImageChops.multiply(Image.new("RGB", out.size, (236, 242, 255)), cloudlit), mask=scaled(thin, 0.5))
    if glint:
        gx, gy, grx, gry = glint
        m = shape(out.size, lambda d: d.ellipse(box(gx - x0, gy - y0, grx, gry), fill=255), gry * 0.8)
        m = ImageChops.multiply(ImageChops.multiply(m, ImageOps.invert(lmask)), ImageOps.invert(dens))
        shine(out, m, (255, 226, 180))
    if cities or fleets:
        dark = g.field(lambda x, y: round(255 * (1 - smooth(-0.16 * s, 0.06 * s, g.sun(x, y)))), step, "L")
        night_lights(out, rng, layer, dark, dens, r * res, lightning)
    h = g.field(lambda x, y: math.hypot(x - cx, y - cy) - r, step, "F")
    img.paste(out, (x0, y0), h.point(lambda v: v * -255 + 128).convert("L"))
    atmosphere(img, rng, g, km, airglow)
    return g


def night_lights(out, rng, layer, dark, dens, scale, lightning):
    """City lights under the night sky: dimmed and spread by cloud, with a soft bloom; a few lightning flashes."""
    lights = ImageChops.multiply(layer, dark.convert("RGB"))
    shine(out, ImageOps.invert(scaled(dens, 0.85)), lights)
    k = scale / 17928
    shine(out, Image.new("L", out.size, 200), blurred(lights, max(0.8, 1.5 * k)))
    shine(out, Image.new("L", out.size, 255), scaled_rgb(blurred(lights, max(2, 7 * k)), 1.6))
    shine(out, Image.new("L", out.size, 255), scaled_rgb(blurred(lights, max(4, 30 * k)), 2.2))
    shine(out, curve(dens, lambda v: v * 0.8), scaled_rgb(blurred(lights, max(2, 6 * k)), 2))
    flashes = Image.new("L", out.size)
    d = ImageDraw.Draw(flashes)
    tries = 0
    while lightning and tries < 4000:
        tries += 1
        x, y = rng.randrange(out.width), rng.randrange(out.height)
        if dark.getpixel((x, y)) > 220 and dens.getpixel((x, y)) > 170:
            for _ in range(rng.randint(2, 4)):
                rr = rng.uniform(1, 3) * k
                d.ellipse(box(x + rng.gauss(0, 6 * k), y + rng.gauss(0, 3 * k), rr), fill=rng.randint(60, 140))
            lightning -= 1
    shine(out, blurred(flashes, 9 * k + 1), (130, 160, 240))
    shine(out, blurred(flashes, 2.5 * k + 0.5), (90, 110, 170))


def scaled_rgb(img, k):
    return img.point([min(255, round(v * k)) for v in range(256)] * 3)


def atmosphere(img, rng, g, km, airglow):
    """The thin shell of air on the limb: haze over the rim, layered blue bands, dawn colours, airglow."""
    ppk = g.r / 6371 * km  # pixels per kilometre of height
    top, inner = 130 * ppk, 70 * ppk
    xs, ys = [], []
    for a in range(4000):
        c, sn = math.cos(a / 4000 * math.tau), math.sin(a / 4000 * math.tau)
        for rr in (g.r - inner, g.r + top):
            x, y = g.cx + c * rr, g.cy + sn * rr
            if 0 <= x <= g.w and 0 <= y <= g.h:
                xs.append(x)
                ys.append(y)
    if not xs:
        return
    pad = math.tau * (g.r + top) / 4000 + 2
    area = (max(0, int(min(xs) - pad)), max(0, int(min(ys) - pad)), min(g.w, int(max(xs) + pad)), min(g.h, int(max(ys) + pad)))
    part = img.crop(area)
    step = max(4, int(min(part.size) / 120))
    h = g.field(lambda x, y: (math.hypot(x - g.cx, y - g.cy) - g.r) / ppk, step, "F", area)
    s = g.soft

    def limb(x, y):
        nx, ny = x - g.cx, y - g.cy
        q = math.hypot(nx, ny) or 1
        t = (nx * g.light[0] + ny * g.light[1]) / q
        return smooth(-0.3 * s, 0.25 * s, t), smooth(-0.4 * s, 0.0, t) * (1 - smooth(0.0, 0.35 * s, t))

    def layer(centre, span, profile, colour):
        enc = h.point(lambda v: (v - centre) * 128 / span + 128.5).convert("L")
        mask = enc.point([max(0, min(255, round(255 * profile((v - 128) / 128 * span + centre)))) for v in range(256)])
        col = g.field(lambda x, y: colour(*limb(x, y)), step * 2, "RGB", area)
        shine(part, mask, col)

    def tint(c, k):
        return tuple(max(0, min(255, round(v * k))) for v in c)

    layer(0, 70, lambda z: math.exp(z / 9) if z < 0 else math.exp(-z / 7),
          lambda day, tw: mix(tint((205, 228, 255), day), (255, 130, 60), tw * 0.9))
    layer(40, 90, lambda z: 0 if z < -2 else math.exp(-max(z, 0) / 16) * smooth(-2, 4, z),
          lambda day, tw: tint(mix((70, 140, 255), (80, 100, 230), tw), day * 0.9 + tw * 0.3))
    layer(60, 80, lambda z: 0 if z < 0 else math.exp(-z / 38) * 0.5,
          lambda day, tw: tint((26, 50, 170), day))
    layer(30, 16, lambda z: (math.exp(-((z - 22) / 1.8) ** 2) + math.exp(-((z - 37) / 2.5) ** 2) * 0.6) * 0.1,
          lambda day, tw: tint((255, 230, 235), day * 0.8 + tw * 0.3))
    layer(11, 8, lambda z: math.exp(-((z - 11) / 2.5) ** 2) * 0.5,
          lambda day, tw: tint((255, 176, 110), tw))
    if airglow:
        layer(95, 16, lambda z: math.exp(-((z - 95) / 2.2) ** 2) + 0.2 * math.exp(-((z - 99) / 8) ** 2),
              lambda day, tw: tint((80, 235, 125), airglow * (1 - day)))
        ragged = curve(noise(rng, part.size, g.r * 0.0015, (8, 1)), lambda v: (v - 120) * 3)
        enc = h.point(lambda v: (v - 83) * 128 / 6 + 128.5).convert("L")
        nlc = ImageChops.multiply(enc.point([round(255 * math.exp(-(((v - 128) / 128 * 6) / 1.1) ** 2)) for v in range(256)]), ragged)
        ripples = curve(noise(rng, part.size, g.r * 0.0004, (1, 3)), lambda v: (v - 60) * 1.5)
        nlc = ImageChops.multiply(nlc, ripples)
        shine(part, nlc, g.field(lambda x, y: tint((130, 200, 255), limb(x, y)[1] * 0.55), step * 2, "RGB", area))
    img.paste(part, area[:2])


def space(size, rng, cx, cy, r, light, star_density=1 / 4000, **kw):
    """A starry sky with the Earth at (cx, cy) in fractions of width and height, radius r in heights."""
    img = gradient(size, [(0, (2, 3, 10)), (1, (6, 9, 24))])
    stars(img, rng, int(size[0] * size[1] * star_density))
    earth(img, rng, cx * size[0], cy * size[1], r * size[1], light, **kw)
    return img
