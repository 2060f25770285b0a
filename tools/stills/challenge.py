"""Stills for The Challenge: Soyuz and the ISS, the launch, the Russian module, the studio-or-orbit wipe, surgery."""

from __future__ import annotations

import math

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from stills import (
    Pen,
    blurred,
    box,
    glow,
    gradient,
    grain,
    mix,
    paint,
    place,
    shape,
    shine,
    silhouette,
    stars,
    text_tile,
    vignette,
)
from stills.craft import iss, rocket, soyuz, sprite, truss
from stills.planet import earth, space
from stills.scenery import (
    FINGERTIPS,
    HAIR,
    POSE_FLOAT,
    POSE_LYING,
    POSE_SURGEON,
    RUSSIA,
    RUSSIA_WORDS,
    SKIN,
    SUIT,
    hand,
    interior,
    operator,
    person,
    porthole,
)


def ch_tile(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (1, 2, 8)), (1, (8, 14, 34))]))
    stars(img, rng, 5000)
    earth(img, rng, 0.5 * w, 3.2 * h, 2.45 * h, (0.3, -0.7, 0.6), cover=0.45, land=0.33, storms=1, streets=2)
    sprite(img, rng, 0.6 * w, 0.36 * h, 64, 0.0075 * w, 8, iss)
    sprite(img, rng, 0.2 * w, 0.52 * h, 24, 0.009 * w, -10, lambda p, r: soyuz(p, r, "СОЮЗ МС-19"))


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
        shine(img, shape(img.size, lambda m, plume=plume: m.polygon(plume, fill=255), blur * w), col)
    glow(img, 0.5 * w, 0.62 * h, 0.35 * w, (255, 170, 80), 0.8)
    rocket(Pen(d, 0.5 * w, top, 0.0106 * h))
    glow(img, 0.5 * w, top, 0.16 * w, (255, 150, 70), 0.6)
    smoke, sm = Image.new("RGB", img.size, (70, 50, 70)), Image.new("L", img.size)
    ds, dm = ImageDraw.Draw(smoke), ImageDraw.Draw(sm)
    for _ in range(90):
        x, y, r = 0.5 * w + rng.gauss(0, 0.3 * w), 0.8 * h + rng.uniform(0, 0.1 * h), rng.uniform(0.04, 0.1) * w
        ds.ellipse(box(x, y, r, r * 0.6), fill=mix((220, 140, 100), (40, 30, 44), min(abs(x - 0.5 * w) / (0.45 * w), 1) * 0.6 + 0.4))
        dm.ellipse(box(x, y, r, r * 0.6), fill=255)
    img.paste(smoke.filter(ImageFilter.GaussianBlur(0.005 * w)), mask=blurred(sm, 0.005 * w))
    glow(img, 0.5 * w, 0.88 * h, 0.5 * w, (255, 130, 60), 0.25)
    vignette(img, 0.35)



def ch_module(img, rng):
    w, h = img.size
    view = space(img.size, rng, 0.83, 1.2, 0.72, (0.5, -0.6, 0.6), res=0.5)
    interior(img, rng, (0.56 * w, 0.44 * h), RUSSIA, segments=5, clutter=1.0, window=("right", 1, 0.5, 0.5, view), labels=RUSSIA_WORDS)
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


def lamp(img, d, x, y, k, aim, target, dark):
    """A studio lamp on a stand at floor point (x, y), `k` pixels a unit, its beam spread towards `target`."""
    s = Pen(d, x, y, k)
    for lx in (-4, 4, 0.8):
        s.line([(0, -5), (lx, 0)], 0.4, dark)
    s.line([(0, -5), (0, -27)], 0.5, dark)
    s.rect(-0.9, -16, 0.9, -15.2, mix(dark, (255, 255, 255), 0.15))
    head = s.at(0, -29, aim)
    beam = [head.pt(2.2, -2.4), head.pt(2.2, 2.4), *target]
    shine(img, shape(img.size, lambda m: m.polygon(beam, fill=70), 0.03 * img.width), (255, 245, 220))
    head.rect(-2.6, -2.0, 1.6, 2.0, dark)
    for i in range(5):  # cooling fins
        head.rect(-2.5 + i * 0.8, -2.3, -2.1 + i * 0.8, -2.0, mix(dark, (255, 255, 255), 0.12))
    head.rect(1.6, -2.4, 2.2, 2.4, (255, 248, 225))
    head.poly([(2.2, -2.4), (4.0, -3.8), (4.0, -3.2), (2.6, -2.2)], dark)
    head.poly([(2.2, 2.4), (4.0, 3.8), (4.0, 3.2), (2.6, 2.2)], dark)
    glow(img, *head.pt(2.2, 0), 0.08 * img.width, (255, 240, 200), 0.9)


def ch_wipe_studio(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (22, 22, 26)), (1, (6, 6, 8))]))
    gx0, gx1, gy0, gy1 = 0.08 * w, 0.92 * w, 0.1 * h, 0.72 * h
    screen = gradient((int(gx1 - gx0), int(gy1 - gy0)), [(0, (38, 146, 68)), (1, (56, 178, 88))])
    folds = Image.frombytes("L", (64, 1), rng.randbytes(64)).resize(screen.size, Image.BICUBIC)
    screen = ImageChops.multiply(screen, Image.merge("RGB", [folds.point(lambda v: 228 + v // 10)] * 3))
    grain(screen, rng, 0.04, 1.5)
    img.paste(screen, (int(gx0), int(gy0)))
    d = ImageDraw.Draw(img)
    for i in range(1, 7):  # seams between the widths of cloth
        x = gx0 + (gx1 - gx0) * i / 7
        d.line([(x, gy0), (x, gy1)], fill=(34, 128, 60), width=max(1, int(0.0015 * w)))
    d.polygon([(gx0, gy1), (gx1, gy1), (gx1 + 0.05 * w, 0.9 * h), (gx0 - 0.05 * w, 0.9 * h)], fill=(66, 184, 96))
    glow(img, 0.55 * w, 0.45 * h, 0.7 * h, (90, 170, 90), 0.35)
    for i in range(6):
        for j in range(3):
            x, y, s = (0.15 + i * 0.14) * w, (0.2 + j * 0.2) * h, 0.008 * w
            d.line([(x - s, y - s), (x + s, y + s)], fill=(30, 110, 52), width=int(0.003 * w))
            d.line([(x - s, y + s), (x + s, y - s)], fill=(30, 110, 52), width=int(0.003 * w))
    for x, y in ((0.3, 0.84), (0.58, 0.8), (0.8, 0.86)):  # tape marks on the floor
        d.line([((x - 0.012) * w, y * h), ((x + 0.012) * w, y * h)], fill=(240, 230, 90), width=max(2, int(0.003 * w)))
        d.line([(x * w, (y - 0.012) * h), (x * w, (y + 0.012) * h)], fill=(240, 230, 90), width=max(2, int(0.003 * w)))
    dark = (22, 22, 26)
    d.rectangle((0, 0.02 * h, w, 0.08 * h), fill=dark)
    truss(Pen(d, 0, 0.05 * h, 0.03 * h), 0, w / (0.03 * h), 0.85, (70, 70, 80))
    paint(img, shape(img.size, lambda m: m.ellipse(box(0.58 * w, 0.84 * h, 0.14 * w, 0.02 * h), fill=255), 0.015 * w), (30, 110, 52), 0.6)
    p = floater(img, "hang")
    p.rect(-1.9, 0.2, 1.9, 1.4, dark)
    p.rect(-1.8, -5.0, 1.8, -4.2, dark)
    for y in (0.8, -4.6):
        p.dot(0, y, 0.35, (150, 150, 160))
    bar = (0.56 * w, 0.2 * h)
    d.line([(bar[0] - 0.08 * w, bar[1]), (bar[0] + 0.08 * w, bar[1])], fill=dark, width=int(0.006 * w))
    for x in (-0.08, 0.08):
        d.line([(bar[0] + x * w, 0.075 * h), (bar[0] + x * w, bar[1])], fill=(210, 210, 215), width=max(2, int(0.0012 * w)))
        d.ellipse(box(bar[0] + x * w, bar[1], 0.004 * w), fill=(60, 60, 68))
    for px in (p.pt(0, -4.6), p.pt(0, 0.8)):
        d.line([(px[0], bar[1]), px], fill=(225, 225, 230), width=max(2, int(0.0012 * w)))
    for x, a in ((0.05 * w, 25), (0.95 * w, 155)):
        lamp(img, d, x, 0.92 * h, 0.012 * w, a, [(0.55 * w, 0.62 * h), (0.55 * w, 0.32 * h)], dark)
    c = Pen(d, 0.12 * w, 0.93 * h, 0.01 * w)
    c.rect(-5, -1.5, 5, 0, dark)
    for x in (-4, 4):
        c.dot(x, 0.3, 0.9, dark)
        c.dot(x, 0.3, 0.3, (60, 60, 68))
    c.rect(-0.6, -14, 0.6, -1.5, dark)
    c.line([(-10, -9.5), (16, -21.2)], 0.8, dark)
    for i in range(8):
        t = i / 7
        c.dot(-10 + 26 * t, -9.5 - 11.7 * t, 0.25, (60, 60, 70))
    c.rect(-12, -11, -8.5, -7.5, dark)
    c.rect(-11.6, -10.6, -8.9, -9.6, (50, 50, 58))
    c.rect(14.5, -21, 19, -18, dark)
    c.rect(19, -20.2, 21.5, -18.8, dark)
    c.rect(15.2, -22.6, 17.6, -21.2, (30, 60, 100))
    c.dot(18.3, -20.6, 0.18, (230, 40, 40))
    vignette(img, 0.45)


def ch_wipe_orbit(img, rng):
    w, h = img.size
    view = space(img.size, rng, 0.15, 1.3, 0.8, (0.4, -0.6, 0.6), res=0.5)
    interior(img, rng, (0.52 * w, 0.45 * h), RUSSIA, segments=5, clutter=0.7, window=("left", 0, 0.5, 0.55, view), labels=RUSSIA_WORDS)
    floater(img, "float")
    vignette(img, 0.45)


def ch_earth_window(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (30, 34, 44)), (1, (12, 14, 20))]))
    grain(img, rng, 0.05, 3)
    d = ImageDraw.Draw(img)
    for y in (0.06, 0.94):
        d.line([(0, y * h), (w, y * h)], fill=(18, 20, 28), width=max(2, int(0.002 * w)))
    porthole(img, space(img.size, rng, 0.55, 1.2, 0.75, (-0.5, -0.5, 0.7), res=0.5), 0.5 * w, 0.5 * h, 0.4 * h,
             placard=["ИЛЛЮМИНАТОР 3"])
    glow(img, 0.5 * w, 0.55 * h, 0.8 * h, (40, 80, 160), 0.35)
    p = Pen(ImageDraw.Draw(img), 0.6 * w, 0.56 * h, 0.03 * h, -12)

    def touches(m):  # a faint bloom on the glass where the fingertips press
        for t in FINGERTIPS:
            m.ellipse(box(*p.pt(*t), 0.03 * h), fill=120)

    shine(img, shape(img.size, touches, 0.02 * h), (150, 200, 255))
    silhouette(img, lambda m: hand(Pen(ImageDraw.Draw(m), p.ox, p.oy, p.u, p.angle, mono=255)),
               (10, 12, 18), (120, 170, 240), (int(0.003 * w), int(0.003 * w)))
    vignette(img, 0.4)


POSE_RIG = dict(head=(0.8, -7.8), neck=(0, -5.6), hip=(-0.2, 1.4),
                arm=[((2.8, -4.0), (4.6, -6.4)), ((-1.8, -3.0), (-3.2, -0.6))],
                leg=[((2.4, 5.0), (2.0, 9.2)), ((-0.6, 5.6), (-1.8, 9.4))])


def spacesuit(p, pose):
    """A bulky white spacesuit facing +x: helmet with a gold visor, life-support pack, ringed joints, gloves."""
    white, shade, ring = (236, 236, 232), (176, 180, 190), (150, 154, 164)
    p.rect(-3.6, -6.2, -1.4, 0.8, (214, 214, 210))
    p.rect(-3.4, -5.8, -1.6, -4.6, shade)

    def limb(i, col):
        knee, foot = pose["leg"][i]
        p.line([pose["hip"], knee, foot], 2.7, col)
        p.dot(*knee, 1.45, ring)
        p.oval(foot[0] + 0.6, foot[1] + 0.5, 1.5, 0.8, (120, 120, 126))
        elbow, hnd = pose["arm"][i]
        p.line([(pose["neck"][0], pose["neck"][1] + 0.8), elbow, hnd], 1.9, col)
        p.dot(*elbow, 1.0, ring)
        p.dot(*hnd, 0.95, (200, 200, 196))

    limb(1, mix(white, shade, 0.6))
    p.line([pose["neck"], pose["hip"]], 4.8, white)
    p.rect(-1.6, -3.6, 1.8, -1.2, (210, 212, 214))
    for i, col in enumerate(((220, 60, 50), (70, 150, 230), (240, 200, 60))):
        p.rect(-0.9 + i * 0.9, -3.1, -0.3 + i * 0.9, -2.5, col)
    p.line([(pose["hip"][0] - 2.2, pose["hip"][1] - 1.1), (pose["hip"][0] + 2.2, pose["hip"][1] - 1.1)], 0.45, ring)
    limb(0, white)
    hx, hy = pose["head"]
    p.dot(hx, hy, 2.1, white)
    p.dot(hx, hy, 1.85, (226, 226, 222))
    p.oval(hx + 0.55, hy + 0.1, 1.25, 1.35, (198, 150, 48))
    p.oval(hx + 0.2, hy - 0.5, 0.45, 0.35, (250, 224, 150))


def led_wall(img, rng, x0, y0, x1, y1):
    """A wall of LED panels showing the Earth from orbit: fine pixel pitch, tile seams, a slight sheen."""
    size = (int(x1 - x0), int(y1 - y0))
    scene = space(size, rng, 0.45, 2.0, 1.35, (-0.5, -0.7, 0.5), res=0.5, cover=0.5, land=0.35)
    d = ImageDraw.Draw(scene)
    pitch = max(4, round(img.width / 480))
    for x in range(0, size[0], pitch):
        d.line([(x, 0), (x, size[1])], fill=(0, 0, 0), width=max(1, pitch // 4))
    for y in range(0, size[1], pitch):
        d.line([(0, y), (size[0], y)], fill=(0, 0, 0), width=max(1, pitch // 4))
    tile = pitch * 24
    for x in range(0, size[0], tile):
        d.line([(x, 0), (x, size[1])], fill=(6, 6, 8), width=max(2, pitch // 2))
    for y in range(0, size[1], tile):
        d.line([(0, y), (size[0], y)], fill=(6, 6, 8), width=max(2, pitch // 2))
    img.paste(scene, (int(x0), int(y0)))
    d = ImageDraw.Draw(img)
    d.rectangle((x0, y0, x1, y1), outline=(30, 30, 36), width=max(3, int(0.004 * img.width)))
    return scene


def ch_gravity_tile(img, rng):
    w, h = img.size
    img.paste(gradient(img.size, [(0, (16, 16, 20)), (1, (4, 4, 6))]))
    wx0, wy0, wx1, wy1 = 0.06 * w, 0.1 * h, 0.94 * w, 0.74 * h
    led_wall(img, rng, wx0, wy0, wx1, wy1)
    shine(img, shape(img.size, lambda m: m.rectangle((wx0, wy0, wx1, wy1), fill=40), 0.01 * w), (70, 110, 190))
    d = ImageDraw.Draw(img)
    d.polygon([(0, wy1), (w, wy1), (w, h), (0, h)], fill=(18, 18, 22))
    for i in range(1, 12):  # the studio floor, boards running towards the wall
        x = i / 12 * w
        d.line([(x, wy1), (0.5 * w + (x - 0.5 * w) * 1.8, h)], fill=(24, 24, 30), width=max(1, int(0.001 * w)))
    paint(img, shape(img.size, lambda m: m.rectangle((wx0, wy1, wx1, wy1 + 0.12 * h), fill=255), 0.05 * h), (60, 90, 140), 0.35)
    glow(img, 0.5 * w, 0.42 * h, 0.9 * h, (60, 110, 200), 0.25)
    dark = (10, 10, 12)
    d.rectangle((0, 0, w, 0.06 * h), fill=dark)
    truss(Pen(d, 0, 0.03 * h, 0.02 * h), 0, w / (0.02 * h), 1.0, (50, 50, 58))
    rig = (0.5 * w, 0.2 * h)
    for x in (-0.09, 0.09):
        d.line([(rig[0] + x * w, 0.055 * h), (rig[0] + x * w * 0.6, rig[1])], fill=(200, 200, 206), width=max(1, int(0.0012 * w)))
    d.line([(rig[0] - 0.06 * w, rig[1]), (rig[0] + 0.06 * w, rig[1])], fill=(40, 40, 46), width=max(3, int(0.006 * w)))
    body_pen = Pen(d, 0.5 * w, 0.47 * h, 0.024 * h, -58)
    for pt in ((-0.6, -4.6), (-0.4, 0.6), (2.2, 6.0)):
        px, py = body_pen.pt(*pt)
        d.line([(rig[0] + (px - rig[0]) * 0.2, rig[1]), (px, py)], fill=(230, 230, 236), width=max(1, int(0.0011 * w)))
    silhouette(img, lambda m: spacesuit(Pen(ImageDraw.Draw(m), body_pen.ox, body_pen.oy, body_pen.u, body_pen.angle, mono=255),
                                        POSE_RIG), (0, 0, 0), (120, 170, 255), (int(0.003 * w), int(0.002 * h)))
    spacesuit(body_pen, POSE_RIG)
    shine(img, blurred(shape(img.size, lambda m: spacesuit(Pen(m, body_pen.ox, body_pen.oy, body_pen.u, body_pen.angle,
                                                                mono=90), POSE_RIG)), 0.004 * w), (80, 120, 200))
    band = body_pen.at(-0.2, 0.4, body_pen.angle)
    band.rect(-2.8, -0.5, 2.8, 0.5, (60, 60, 66))
    c = Pen(d, 0.83 * w, 0.95 * h, 0.011 * w)  # camera crane
    c.rect(-6, -1.6, 6, 0, dark)
    for x in (-4.5, 4.5):
        c.dot(x, 0.3, 1.0, dark)
    c.rect(-0.7, -16, 0.7, -1.6, dark)
    c.line([(10, -12), (-8, -21)], 0.9, dark)
    for i in range(10):
        t = i / 9
        c.dot(10 - 18 * t, -12 - 9 * t, 0.22, (44, 44, 52))
    c.rect(9, -14.5, 13, -10, dark)
    c.rect(-13.5, -24, -8, -20, dark)
    c.poly([(-13.5, -23.1), (-16, -24.5), (-16, -19.3), (-13.5, -20.9)], dark)
    c.rect(-11.1, -25.9, -8.9, -24, (24, 48, 90))
    c.dot(-8.3, -20.7, 0.2, (230, 40, 40))
    for x, s in ((0.66, 1.0), (0.74, 0.92)):  # the crew, in silhouette against the glow
        crew = Pen(d, x * w, 0.9 * h, 0.018 * h * s, 0)
        crew.line([(0, -8), (0, -3)], 3.0, dark)
        crew.line([(-0.6, -3), (-0.9, 5)], 1.6, dark)
        crew.line([(0.6, -3), (0.9, 5)], 1.6, dark)
        crew.dot(0.2, -10.4, 1.3, dark)
        crew.line([(0, -7), (-2.2, -3.5), (-1.0, -1.0)], 1.0, dark)
    p = Pen(d, 0.12 * w, 0.93 * h, 0.01 * w)
    p.rect(-3.5, -11, 3.5, -5, dark)
    p.rect(-3.0, -10.5, 3.0, -5.5, (40, 70, 120))
    p.line([(0, -5), (0, 0)], 0.5, dark)
    for lx in (-3, 3):
        p.line([(0, -1), (lx, 0.6)], 0.4, dark)
    place(img, text_tile(["MONITOR 2"], 0.008 * w, (150, 180, 220)), *p.pt(0, -8))
    d.line([p.pt(0, 0), (0.5 * w, 0.98 * h), c.pt(0, 0)], fill=(26, 26, 30), width=max(2, int(0.002 * w)))
    vignette(img, 0.4)


def ch_surgery(img, rng):
    w, h = img.size
    interior(img, rng, (0.5 * w, 0.4 * h), RUSSIA, segments=5, clutter=0.7, labels=RUSSIA_WORDS)
    d = ImageDraw.Draw(img)
    u = 0.024 * h
    bed = Pen(d, 0.56 * w, 0.7 * h, u, -6)
    bed.rect(-15.5, -2.4, 15.5, 2.4, (70, 76, 72))
    bed.rect(-15, -1.9, 15, 1.9, (132, 150, 142))
    bed.rect(-15, -1.9, 15, -1.3, (160, 176, 168))
    for x in (-12, 12):
        bed.rect(x - 0.4, 2.4, x + 0.4, 5.5, (60, 62, 60))
    patient = bed.at(1.0, -0.4, bed.angle + 90)
    person(patient, POSE_LYING, (150, 174, 200), SKIN, (70, 56, 44), "short")
    for x in (-7.5, -1.5, 6.0):  # restraint straps round patient and bed
        bed.rect(x - 0.6, -2.7, x + 0.6, 2.7, (44, 52, 72))
        bed.rect(x - 0.8, -0.5, x + 0.8, 0.5, (170, 170, 176))
        bed.rect(x - 0.4, -0.25, x + 0.4, 0.25, (70, 70, 78))
    surgeon = Pen(d, 0.5 * w, 0.53 * h, u, 34)
    person(surgeon, POSE_SURGEON, (58, 146, 148), SKIN, (60, 46, 36), "short", trim=(120, 196, 196), hands=(170, 206, 232),
           cap=(70, 160, 160), mask=(214, 232, 240))
    rail = (0.12 * w, 0.5 * h)
    d.line([rail, (0.24 * w, 0.5 * h)], fill=(214, 172, 70), width=int(0.008 * w))
    d.line([(0.12 * w, 0.47 * h), (0.24 * w, 0.47 * h)], fill=(60, 60, 66), width=int(0.006 * w))
    kit = Pen(d, 0.16 * w, 0.72 * h, u, -4)
    kit.rect(-6, -4, 6, 4, (232, 232, 226))
    kit.rect(-5.6, -3.6, 5.6, 3.6, (196, 200, 196))
    for i in range(3):
        for j in range(2):
            x0, y0 = -5.2 + i * 3.6, -3.2 + j * 3.4
            kit.rect(x0, y0, x0 + 3.2, y0 + 3.0, (168, 174, 172))
            for k in range(3):
                kit.rect(x0 + 0.4 + k * 0.9, y0 + 0.5, x0 + 0.8 + k * 0.9, y0 + 2.4, rng.choice(((240, 240, 236), (90, 160, 220), (230, 190, 90))))
    kit.rect(-6, -9.5, 6, -4, (214, 216, 210))
    kit.rect(-1.4, -8.4, 1.4, -5.1, (30, 150, 80))
    kit.rect(-0.45, -8.0, 0.45, -5.5, (255, 255, 255))
    kit.rect(-1.05, -7.2, 1.05, -6.3, (255, 255, 255))
    kit.text(["АПТЕЧКА"], 0, -4.6, 0.55, (40, 44, 48))
    bag = Pen(d, 0.72 * w, 0.26 * h, u, 8)  # a drip bag on a bungee: in orbit a pressure cuff drives the fluid
    bag.rect(-1.6, -2.6, 1.6, 2.6, (214, 234, 244))
    bag.rect(-1.2, -1.6, 1.2, 2.2, (190, 222, 240))
    bag.text(["NaCl 0,9%"], 0, -0.4, 0.45, (40, 70, 110))
    bag.line([(0, 2.6), (-2.0, 8.0), (-5.0, 12.5), (-7.5, 16.0)], 0.12, (200, 220, 230))
    bag.line([(0, -2.6), (0.4, -6.0)], 0.1, (60, 60, 60))
    lampp = Pen(d, 0.88 * w, 0.08 * h, u, 0)
    lampp.line([(0, 0), (-3, 6), (-8, 8)], 0.5, (60, 60, 66))
    lampp.oval(-9.6, 8.6, 2.2, 1.0, (50, 50, 56))
    lampp.oval(-9.6, 9.2, 1.8, 0.5, (255, 250, 230))
    glow(img, *lampp.pt(-9.6, 9.4), 0.2 * w, (255, 245, 225), 0.35)
    vignette(img, 0.5)
