"""People, props and rooms: figures in suits, cameras, hands, windows and the inside of a station module."""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from stills import WHITE, blurred, box, glow, mix, place, shape, shine, text_tile

POSE_FLOAT = dict(head=(0.5, -7.6), neck=(0, -5.6), hip=(0, 1.2),
                  arm=[((2.8, -3.4), (5.0, -5.6)), ((-2.2, -3.4), (-4.4, -5.4))],
                  leg=[((2.6, 4.6), (1.6, 8.8)), ((-0.4, 5.6), (-2.4, 8.8))])
POSE_OPERATOR = dict(head=(0.6, -7.6), neck=(0, -5.6), hip=(-0.4, 1.2),
                     arm=[((2.0, -3.2), (2.6, -6.4)), ((1.2, -3.0), (2.4, -5.0))],
                     leg=[((1.8, 4.8), (0.8, 8.8)), ((-1.2, 5.0), (-1.6, 9.2))])
POSE_FILMING = dict(head=(0.7, -7.6), neck=(0, -5.6), hip=(-0.2, 1.2),
                    arm=[((2.6, -3.6), (3.4, -6.3)), ((1.6, -2.8), (3.0, -5.2))],
                    leg=[((2.2, 4.2), (3.4, 8.0)), ((-0.8, 5.4), (0.2, 9.0))])
POSE_WINDOW = dict(head=(0.9, -7.5), neck=(0, -5.6), hip=(-0.3, 1.2),
                   arm=[((2.6, -4.6), (4.6, -6.6)), ((2.0, -2.6), (4.2, -3.4))],
                   leg=[((1.4, 5.0), (-0.4, 8.8)), ((-1.4, 4.8), (-3.4, 8.0))])
POSE_WAVE = dict(head=(0.4, -7.6), neck=(0, -5.6), hip=(0, 1.2),
                 arm=[((2.4, -6.6), (3.0, -9.6)), ((-2.4, -4.0), (-4.6, -2.4))],
                 leg=[((2.0, 5.0), (3.6, 8.6)), ((-1.0, 5.2), (-2.0, 9.0))])
POSE_SURGEON = dict(head=(0.9, -7.4), neck=(0, -5.6), hip=(-0.6, 1.2),
                    arm=[((2.6, -2.8), (5.2, -1.6)), ((1.8, -2.2), (4.6, -0.6))],
                    leg=[((0.8, 5.2), (-2.2, 7.6)), ((-1.6, 4.6), (-4.2, 6.4))])
POSE_LYING = dict(head=(0.6, -7.5), neck=(0, -5.6), hip=(0, 1.2),
                  arm=[((1.0, -2.6), (1.2, 0.4)), ((-1.0, -2.6), (-1.2, 0.4))],
                  leg=[((0.5, 5.0), (0.6, 9.0)), ((-0.5, 5.0), (-0.6, 9.0))])


def person(p, pose, suit, skin, hair, style="float", patch=False, trim=None, hands=None, cap=None, mask=None):
    """A faceless figure facing +x; long hair "float"s round the head or "hang"s down the screen, or is "short".

    Details drawn over the suit: seams and a belt in `trim`, a flag patch on the shoulder, gloves in `hands`,
    a surgical `cap` and `mask` in their colours.
    """
    far = mix(suit, (0, 0, 0), 0.3)
    trim = trim or mix(suit, WHITE, 0.25)
    hands = hands or skin

    def limbs(i, col):
        knee, foot = pose["leg"][i]
        p.line([pose["hip"], knee, foot], 2.0, col)
        if p.mono is None:
            p.line([knee, foot], 0.08, mix(col, trim, 0.6))
        p.oval(foot[0] + 0.5, foot[1] + 0.4, 1.1, 0.6, mix(col, (0, 0, 0), 0.35) if p.mono is None else col)
        elbow, hand = pose["arm"][i]
        p.line([(pose["neck"][0], pose["neck"][1] + 0.6), elbow, hand], 1.35, col)
        p.dot(*hand, 0.7, hands)

    hx, hy = pose["head"]
    if style == "float":
        for dx, dy, r in ((-1.2, -1.0, 1.2), (-2.2, -1.6, 1.0), (-0.4, -2.1, 1.0), (-2.4, -0.3, 0.9), (0.6, -2.0, 0.7), (-3.1, -1.0, 0.6)):
            p.dot(hx + dx, hy + dy, r, hair)
    elif style == "hang":
        p.at(hx, hy).oval(-0.3, 1.2, 1.1, 2.2, hair)
    limbs(1, far)
    p.line([pose["neck"], pose["hip"]], 3.5, suit)
    if p.mono is None:
        nx, ny = pose["neck"]
        ix, iy = pose["hip"]
        p.line([(nx + 0.9, ny + 0.8), (ix + 0.9, iy - 0.6)], 0.1, trim)
        p.line([(ix - 1.6, iy - 1.0), (ix + 1.6, iy - 1.0)], 0.35, mix(suit, (0, 0, 0), 0.4))
        p.line([(nx - 0.4, ny + 0.2), (nx + 1.2, ny + 0.5)], 0.3, trim)
        if patch:
            p.at(nx + 0.3, ny + 1.6).rect(-0.55, -0.36, 0.55, 0.36, (222, 41, 16))
            p.at(nx + 0.3, ny + 1.6).dot(-0.3, -0.14, 0.1, (255, 222, 0))
    limbs(0, suit)
    p.dot(hx, hy, 1.4, hair if cap is None else cap)
    p.dot(hx + 0.35, hy + 0.2, 1.15, skin)
    if cap is not None:
        p.at(hx, hy).poly([(-1.45, -0.1), (-1.1, -1.1), (0.2, -1.5), (1.3, -0.9), (1.35, -0.5), (-0.2, -0.6)], cap)
    if mask is not None:
        p.at(hx, hy).poly([(0.6, -0.1), (1.5, 0.0), (1.5, 1.0), (0.7, 1.2)], mask)
        p.line([(hx + 0.6, hy), (hx - 0.9, hy - 0.3)], 0.08, mask)


def operator(p):
    """A camera operator filming towards +x (silhouette only: draw with a mono Pen)."""
    person(p, POSE_OPERATOR, (0, 0, 0), 0, 0, "short")
    p.rect(1.8, -9.2, 6.2, -6.4, 0)
    p.rect(6.2, -8.5, 8.2, -7.1, 0)
    p.poly([(8.0, -8.3), (9.4, -9.2), (9.4, -6.4), (8.0, -7.3)], 0)
    p.line([(2.6, -9.2), (2.6, -10.2), (5.4, -10.2), (5.4, -9.2)], 0.45, 0)
    p.line([(1.2, -7.9), (1.8, -7.9)], 0.6, 0)


def handheld(p, body=(46, 48, 56), trim=(120, 124, 136)):
    """A compact cinema camera facing +x, held at its handle; local origin at the grip."""
    p.rect(-1.6, -2.6, 2.4, 0.2, body)
    p.rect(2.4, -2.1, 4.2, -0.3, mix(body, (0, 0, 0), 0.3))
    p.oval(4.3, -1.2, 0.35, 1.0, (24, 26, 30))
    p.oval(4.42, -1.2, 0.16, 0.55, (70, 110, 170))
    p.line([(-1.2, -2.6), (-1.2, -3.4), (1.8, -3.4), (1.8, -2.6)], 0.25, trim)
    p.rect(-2.6, -2.3, -1.6, -1.2, trim)
    p.rect(-0.9, -2.2, 0.7, -1.0, (60, 130, 200))
    p.dot(1.7, -2.2, 0.14, (230, 40, 40))
    p.line([(0, 0.2), (0.2, 1.4)], 0.45, body)


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
    p.line([(-6, 1.5), (-9, 3.5), (-12, 3.0), (-14, 6)], 0.25, k)


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


def porthole(img, view, cx, cy, r, placard=None):
    """A round window with a thick metal frame and bolts, showing `view` (same size as img).

    `placard` is a small label (a list of lines) riveted beside the frame.
    """
    img.paste(view, mask=shape(img.size, lambda d: d.ellipse(box(cx, cy, r), fill=255)))
    shine(img, shape(img.size, lambda d: d.arc(box(cx, cy, r * 0.86), 195, 255, fill=60, width=int(r * 0.05)), r * 0.03), (255, 255, 255))
    shine(img, shape(img.size, lambda d: d.arc(box(cx, cy, r * 0.9), 20, 40, fill=30, width=int(r * 0.02)), r * 0.01), (255, 255, 255))
    d = ImageDraw.Draw(img)
    for dr, col in ((0.3, (40, 44, 54)), (0.22, (112, 118, 132)), (0.16, (72, 78, 92)), (0.07, (150, 156, 170)), (0.035, (30, 32, 40))):
        d.ellipse(box(cx, cy, r * (1 + dr)), outline=col, width=int(r * dr) + 1)
    for dr in (0.05, 0.12, 0.19, 0.26):  # machining rings on the frame
        d.ellipse(box(cx, cy, r * (1 + dr)), outline=(96, 102, 116), width=max(1, int(r * 0.003)))
    d.ellipse(box(cx, cy, r * 1.005), outline=(20, 22, 28), width=max(2, int(r * 0.008)))
    d.arc(box(cx, cy, r * 1.2), 190, 280, fill=(175, 182, 196), width=max(2, int(r * 0.018)))
    for i in range(16):
        a = i / 16 * math.tau
        x, y = cx + math.cos(a) * r * 1.11, cy + math.sin(a) * r * 1.11
        d.ellipse(box(x, y, r * 0.024), fill=(50, 54, 64))
        d.ellipse(box(x - r * 0.006, y - r * 0.006, r * 0.012), fill=(170, 176, 190))
        d.line([(x - r * 0.014, y), (x + r * 0.014, y)], fill=(36, 38, 46), width=max(1, int(r * 0.005)))
    if placard:
        px, py = cx + r * 1.05, cy + r * 1.12
        d.rounded_rectangle(box(px, py, r * 0.26, r * 0.075), int(r * 0.02), fill=(196, 198, 190), outline=(90, 92, 96),
                            width=max(1, int(r * 0.006)))
        place(img, text_tile(placard, r * 0.05, (40, 42, 50), gap=0.15), px, py)
        for sx in (-1, 1):
            d.ellipse(box(px + sx * r * 0.23, py, r * 0.012), fill=(110, 112, 118))


def interior(img, rng, vp, pal, segments=6, clutter=0.5, window=None, labels=()):
    """A station module seen down its length: walls in segments converging on a lit hatch at vp.

    window=(wall, segment, s, t, view) cuts a round window into that wall, showing `view`.
    `labels` are short words stencilled on some of the boxes.
    """
    w, h = img.size
    e = 0.17 * h
    outer, inner = (-0.06 * w, -0.08 * h, 1.06 * w, 1.08 * h), (vp[0] - e * 1.2, vp[1] - e, vp[0] + e * 1.2, vp[1] + e)
    ts = [(1 - 1 / (1 + 0.55 * k)) / (1 - 1 / (1 + 0.55 * segments)) for k in range(segments + 1)]
    rects = [tuple(o + (i - o) * t for o, i in zip(outer, inner)) for t in ts]
    d = ImageDraw.Draw(img)
    lights = Image.new("L", img.size)
    dl = ImageDraw.Draw(lights)
    hair = max(1, round(w / 1600))
    tags = []

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
        near = 1 - ts[k]
        for name, q in quads.items():
            fog = k / segments * 0.55
            d.polygon(q, fill=mix(pal[name], pal["fog"], fog))
            d.polygon(patch(q, 0.05, 0.95, 0.08, 0.92), fill=mix(mix(pal[name], (255, 255, 255), 0.08 * (k % 2)), pal["fog"], fog))
            seam = mix(mix(pal[name], (0, 0, 0), 0.18), pal["fog"], fog)
            for s in (0.35, 0.65):
                d.line([at(q, s, 0.08), at(q, s, 0.92)], fill=seam, width=hair)
            for t in (0.3, 0.55, 0.75):
                d.line([at(q, 0.05, t), at(q, 0.95, t)], fill=seam, width=hair)
            for s in (0.07, 0.93):
                for t in (0.1, 0.9):
                    d.ellipse(box(*at(q, s, t), max(1.5, 0.0025 * w * near)), fill=mix(seam, (0, 0, 0), 0.2))
            for _ in range(int(clutter * 6)):
                s0, t0 = rng.uniform(0.05, 0.8), rng.uniform(0.1, 0.7)
                s1, t1 = s0 + rng.uniform(0.06, 0.2), t0 + rng.uniform(0.12, 0.3)
                col = mix(rng.choice(pal["boxes"]), pal["fog"], fog)
                d.polygon(patch(q, s0, s1, t0, t1), fill=col)
                edge = mix(col, (0, 0, 0), 0.3)
                d.line(patch(q, s0, s1, t0, t1) + [at(q, s0, t0)], fill=edge, width=hair)
                if rng.random() < 0.4:
                    d.polygon(patch(q, s0 + 0.02, s1 - 0.02, t0 + 0.1 * (t1 - t0), t1 - 0.1 * (t1 - t0)), fill=mix(col, (20, 24, 30), 0.6))
                elif labels and rng.random() < 0.7:
                    (ax, ay), (bx, by) = at(q, s0, t0), at(q, s1, t0)
                    word = rng.choice(labels)
                    size = min(0.012 * w * near, math.hypot(bx - ax, by - ay) * 0.75 / (0.62 * len(word) + 0.5))
                    tags.append((at(q, (s0 + s1) / 2, t0 + (t1 - t0) * 0.3), word, size, mix(col, (20, 22, 28), 0.75)))
                if rng.random() < 0.5:  # a velcro strip, a strap
                    d.polygon(patch(q, s0 + 0.01, s1 - 0.01, t1 - 0.18 * (t1 - t0), t1 - 0.1 * (t1 - t0)), fill=mix(col, (40, 40, 44), 0.45))
                for _ in range(rng.randint(0, 3)):
                    d.ellipse(box(*at(q, rng.uniform(s0, s1), rng.uniform(t0, t1)), max(2, 0.004 * w * near)),
                              fill=rng.choice(((90, 220, 120), (255, 180, 60), (90, 170, 255))))
            if name == "ceil":
                dl.polygon(patch(q, 0.33, 0.67, 0.25, 0.75), fill=255)
            else:
                for s in (0.22, 0.78):
                    lw = max(2, int(0.011 * w * (1 - ts[k] * 0.85)))
                    d.line([at(q, s, 0.12), at(q, s, 0.88)], fill=pal["rail"], width=lw)
                    d.line([at(q, s - 0.004, 0.12), at(q, s - 0.004, 0.88)], fill=mix(pal["rail"], WHITE, 0.45), width=max(1, lw // 4))
                    for t in (0.12, 0.88):
                        d.line([at(q, s, t), at(q, s * 0.85 + 0.075, t)], fill=mix(pal["rail"], (0, 0, 0), 0.3), width=lw)
            if window and window[0] == name and window[1] == k:
                _, _, s, t, view = window
                ring = [at(q, s + 0.2 * math.cos(a / 48 * math.tau), t + 0.32 * math.sin(a / 48 * math.tau)) for a in range(48)]
                hole = [at(q, s + 0.16 * math.cos(a / 48 * math.tau), t + 0.26 * math.sin(a / 48 * math.tau)) for a in range(48)]
                d.polygon(ring, fill=pal["rib"])
                for j in range(12):
                    a = j / 12 * math.tau
                    d.ellipse(box(*at(q, s + 0.18 * math.cos(a), t + 0.29 * math.sin(a)), max(2, 0.003 * w * near)),
                              fill=mix(pal["rib"], (0, 0, 0), 0.35))
                img.paste(view, mask=shape(img.size, lambda m, hole=hole: m.polygon(hole, fill=255)))
                shine(img, shape(img.size, lambda m, hole=hole: m.polygon(hole, fill=90), 0.03 * w), (90, 150, 255))
    for (x, y), word, size, col in tags:
        if size >= 5:
            place(img, text_tile([word], size, col), x, y)
    for k, r in enumerate(rects):
        d.rectangle(r, outline=pal["rib"], width=max(2, int(0.016 * w * (1 - ts[k] * 0.85))))
        d.rectangle(r, outline=mix(pal["rib"], WHITE, 0.3), width=hair)
    d.ellipse(box(*vp, e * 0.72), fill=pal["rib"])
    d.ellipse(box(*vp, e * 0.58), fill=pal["beyond"])
    d.ellipse(box(*vp, e * 0.24), outline=mix(pal["beyond"], pal["rib"], 0.35), width=max(2, int(e * 0.04)))
    for j in range(8):
        a = j / 8 * math.tau
        d.ellipse(box(vp[0] + math.cos(a) * e * 0.65, vp[1] + math.sin(a) * e * 0.65, e * 0.025), fill=mix(pal["rib"], (0, 0, 0), 0.3))
    paint_lights(img, lights, pal["light"], w)
    glow(img, *vp, e * 1.8, pal["beyond"], 0.7)


def paint_lights(img, lights, color, w):
    img.paste(color, mask=lights)
    shine(img, blurred(lights, 0.03 * w), color)


CHINA = dict(ceil=(236, 239, 242), left=(214, 220, 228), right=(200, 207, 216), floor=(176, 184, 196), fog=(150, 162, 182),
             end=(190, 198, 210), rib=(158, 166, 180), rail=(60, 125, 200), light=(250, 252, 255), beyond=(255, 250, 236),
             boxes=[(242, 244, 247), (222, 228, 236), (200, 212, 228), (120, 152, 196), (230, 232, 236)])
RUSSIA = dict(ceil=(206, 198, 170), left=(176, 168, 140), right=(160, 154, 128), floor=(104, 110, 96), fog=(92, 90, 82),
              end=(120, 116, 100), rib=(96, 92, 84), rail=(214, 172, 70), light=(255, 240, 205), beyond=(255, 232, 186),
              boxes=[(200, 190, 160), (150, 160, 140), (90, 100, 110), (222, 216, 200), (172, 124, 84), (112, 122, 92)])
SUIT, SKIN, HAIR = (34, 46, 86), (234, 196, 170), (156, 110, 64)
CHINA_WORDS = ["储物 A3", "应急", "食品 12", "水 WATER", "实验柜", "电源", "B-07", "工具", "医学", "氧气 O2"]
RUSSIA_WORDS = ["БЛОК 2", "ПИТАНИЕ", "ВОДА", "СОЖ", "ПРИБОР", "ПАНЕЛЬ 4", "АПТЕЧКА", "КАБЕЛЬ", "ТЕЛЕСКОП", "РЕЗЕРВ"]
