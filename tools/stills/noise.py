"""Texture from seeded noise, with Pillow alone: value noise, fractal sums, warps and swirls.

Value noise is a grid of random bytes, bicubically enlarged. Summing octaves of it
(fractal Brownian motion) gives clouds, coastlines and terrain that keep showing
new detail as one zooms in, down to a couple of pixels.
"""

from __future__ import annotations

import math

from PIL import Image, ImageMath


def grid(rng, w, h):
    return Image.frombytes("L", (w, h), rng.randbytes(w * h))


def noise(rng, size, cell, stretch=(1.0, 1.0)):
    """Smooth value noise: one random value every `cell` pixels (times stretch along x and y)."""
    w, h = size
    cx, cy = max(cell * stretch[0], 0.5), max(cell * stretch[1], 0.5)
    gw, gh = int(w / cx) + 4, int(h / cy) + 4
    return grid(rng, gw, gh).resize(size, Image.BICUBIC, box=(1, 1, 1 + w / cx, 1 + h / cy))


def fbm(rng, size, cell, smallest=2.0, gain=0.5, stretch=(1.0, 1.0), contrast=1.0):
    """Fractal noise: octaves of value noise from `cell` down to `smallest` pixels, each `gain` times weaker.

    Returns an L image centred on 128; `contrast` 1 gives a spread of about +-55.
    """
    acc = noise(rng, size, cell, stretch).convert("F")
    amp, total, power, c = 1.0, 1.0, 1.0, cell / 2
    while c >= smallest:
        amp *= gain
        n = noise(rng, size, c, stretch).convert("F")
        acc = ImageMath.lambda_eval(lambda a: a["acc"] + a["n"] * a["amp"], acc=acc, n=n, amp=amp)
        total, power, c = total + amp, power + amp * amp, c / 2
    k = contrast / math.sqrt(power)
    mean = 127.5 * total
    return acc.point(lambda v: (v - mean) * k + 128.5).convert("L")


def mesh_warp(img, fn, step=32, resample=Image.BILINEAR):
    """Warp img by fn(x, y) -> source (x, y), sampled every `step` pixels and interpolated between."""
    w, h = img.size
    xs = list(range(0, w, step)) + [w]
    ys = list(range(0, h, step)) + [h]
    src = {}
    for x in xs:
        for y in ys:
            sx, sy = fn(x, y)
            src[x, y] = (min(max(sx, 0), w - 1), min(max(sy, 0), h - 1))
    data = []
    for x0, x1 in zip(xs, xs[1:]):
        for y0, y1 in zip(ys, ys[1:]):
            a, b, c, d = src[x0, y0], src[x0, y1], src[x1, y1], src[x1, y0]
            data.append(((x0, y0, x1, y1), (*a, *b, *c, *d)))
    return img.transform(img.size, Image.MESH, data, resample)


def warp(img, rng, cell, amount, step=32):
    """Domain warp: push every pixel up to `amount` pixels along a smooth random field `cell` pixels across."""
    w, h = img.size
    gw, gh = w // step + 2, h // step + 2
    fx = noise(rng, (gw, gh), cell / step).tobytes()
    fy = noise(rng, (gw, gh), cell / step).tobytes()

    def fn(x, y):
        i = min(y // step, gh - 1) * gw + min(x // step, gw - 1)
        return (x + (fx[i] - 128) / 128 * amount, y + (fy[i] - 128) / 128 * amount)

    return mesh_warp(img, fn, step)


def swirl(img, x, y, radius, turns, squash=1.0, step=12):
    """Twist the disc of `radius` around (x, y) by up to `turns` revolutions at the centre (a cyclone).

    `squash` < 1 flattens the twist vertically, for a disc seen at a slant.
    """
    b = (int(x - radius), int(y - radius * squash), int(x + radius), int(y + radius * squash))
    patch = img.crop(b)
    ox, oy = x - b[0], y - b[1]

    def fn(px, py):
        dx, dy = px - ox, (py - oy) / squash
        rr = math.hypot(dx, dy) / radius
        if rr >= 1:
            return (px, py)
        a = turns * math.tau * (1 - rr) ** 2.2
        c, s = math.cos(a), math.sin(a)
        return (ox + dx * c - dy * s, oy + (dx * s + dy * c) * squash)

    img.paste(mesh_warp(patch, fn, step, Image.BICUBIC), b[:2])
