"""Speed and memory figures for the kiosk, through its own code paths.

Why: the kiosk's speed claims (decode stills at screen size, never scale in
paintEvent, content validation stays cheap, screens build quickly) are design
decisions, not pass/fail properties, and wall-clock times in tests are flaky on
shared 2-core machines. So they live here, in a script that prints figures:
each comparison is a ratio of two timings taken in the same run, which stays
meaningful when the machine is slower or busier than usual.

Run:  .venv/bin/python bench/bench.py [--repeat N]
Each figure is the median of N timed repetitions (default 5) after one
warm-up; times are wall-clock ms from time.perf_counter. About 30-60 s on 2 cores.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import logging
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import PySide6  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QRect, QRectF, QSize, Qt, qInstallMessageHandler, qVersion  # noqa: E402
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.content.loader import load_catalog  # noqa: E402
from kiosk.media.images import Fit, ImageKey, ImageLoader, _bytes, decode  # noqa: E402
from kiosk.paths import bundled_exhibits_dir  # noqa: E402
from kiosk.ui.app import build_context, create_application, display_metrics  # noqa: E402
from kiosk.ui.window import KioskWindow  # noqa: E402

EXHIBITS = bundled_exhibits_dir()
EARTH_8K = EXHIBITS / "shenzhou-13" / "stills" / "earth-8k.jpg"
CABIN_PNG = EXHIBITS / "shenzhou-13" / "stills" / "cabin.png"
HD, UHD = QSize(1920, 1080), QSize(3840, 2160)
COPIES = 25          # copies of the bundled exhibits for the validation figure
PAINT_REPEAT = 4     # painting is fast and noisy: it gets this many times the repeats
MB = 1024 * 1024


def timed(fn, repeat: int, after=None) -> float:
    """Median ms of `repeat` calls of fn() after one warm-up call; after(result)
    runs outside the timing (cleanup)."""
    times = []
    for run in range(repeat + 1):
        start = time.perf_counter()
        result = fn()
        elapsed = (time.perf_counter() - start) * 1000
        if after is not None:
            after(result)
        if run:
            times.append(elapsed)
    return statistics.median(times)


def timed_together(fns: list, repeat: int) -> list[float]:
    """Medians of alternatives, interleaved (one warm-up each, then one run of
    each per round) so that drift in the machine's speed (other load, clocks)
    falls on all alike and their ratios stay fair."""
    times = [[] for _ in fns]
    for run in range(repeat + 1):
        for fn, samples in zip(fns, times):
            start = time.perf_counter()
            fn()
            if run:
                samples.append((time.perf_counter() - start) * 1000)
    return [statistics.median(samples) for samples in times]


def size_text(size: QSize) -> str:
    return f"{size.width()}x{size.height()}"


# --- 1. decoding ----------------------------------------------------------------

def full_then_scaled(key: ImageKey) -> QImage:
    """The naive path: decode at full size, then QImage.scaled (smooth) to what
    decode(key) returns; cropped the same way for COVER."""
    reader = QImageReader(str(key.path))
    reader.setAutoTransform(True)
    image = reader.read()
    box = QSize(key.width, key.height)
    if key.fit is Fit.CONTAIN:
        if image.width() > box.width() or image.height() > box.height():
            image = image.scaled(box, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        return image
    image = image.scaled(box, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                         Qt.TransformationMode.SmoothTransformation)
    x, y = (image.width() - box.width()) // 2, (image.height() - box.height()) // 2
    return image.copy(x, y, min(box.width(), image.width()), min(box.height(), image.height()))


def bench_decoding(repeat: int) -> list[str]:
    lines = ["1. Still decoding: kiosk.media.images.decode (scaled in the decoder)",
             "   versus a full decode then QImage.scaled(smooth)",
             f"   {'still':<13}{'box':<11}{'fit':<9}{'result':<11}"
             f"{'decode ms':>10}{'full+scaled ms':>16}{'full/scaled':>13}"]
    cases = [(EARTH_8K, HD, Fit.CONTAIN), (EARTH_8K, UHD, Fit.CONTAIN),
             (EARTH_8K, HD, Fit.COVER), (EARTH_8K, UHD, Fit.COVER),
             (CABIN_PNG, HD, Fit.CONTAIN), (CABIN_PNG, HD, Fit.COVER)]
    for path, box, fit in cases:
        key = ImageKey(path, box.width(), box.height(), fit)
        ours, naive = decode(key), full_then_scaled(key)
        assert not ours.isNull() and ours.size() == naive.size(), (ours.size(), naive.size())
        scaled_ms, full_ms = timed_together([lambda: decode(key), lambda: full_then_scaled(key)], repeat)
        lines.append(f"   {path.name:<13}{size_text(box):<11}{fit.value:<9}{size_text(ours.size()):<11}"
                     f"{scaled_ms:>10.1f}{full_ms:>16.1f}{full_ms / scaled_ms:>12.2f}x")
    native = QImageReader(str(CABIN_PNG)).size()
    lines.append(f"   (cabin.png is {size_text(native)}: PNG has no scaled decode, "
                 "so both paths decode it at full size)")
    return lines


# --- 2. painting ------------------------------------------------------------------

def frame(target: QImage, draw, smooth: bool):
    """One frame: a QPainter on the target, as a paintEvent makes."""
    def paint() -> None:
        painter = QPainter(target)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        draw(painter)
        painter.end()
    return paint


def bench_painting(repeat: int) -> list[str]:
    repeat *= PAINT_REPEAT
    native = QPixmap.fromImage(decode(ImageKey(EARTH_8K, 7680, 4320, Fit.NATIVE)))
    lines = ["2. Painting one frame into a QImage (raster), "
             f"median of {repeat}; ratio against the 1:1 draw at the same size",
             f"   {'target':<11}{'frame':<52}{'ms':>8}{'ratio':>10}"]
    for box in (HD, UHD):
        target = QImage(box, QImage.Format.Format_ARGB32_Premultiplied)
        target.fill(Qt.GlobalColor.black)
        fitted = QPixmap.fromImage(decode(ImageKey(EARTH_8K, box.width(), box.height(), Fit.CONTAIN)))
        full_rect = QRect(0, 0, box.width(), box.height())
        fit_scale = min(box.width() / native.width(), box.height() / native.height())

        def zoomed(scale: float):
            """StillStage._paint_still's slow path: the visible cut of the native
            pixmap, scaled into the screen (centred; here it covers the target)."""
            cut = QRectF(0, 0, box.width() / scale, box.height() / scale)
            cut.moveCenter(QRectF(native.rect()).center())
            return lambda p: p.drawPixmap(QRectF(full_rect), native, cut)

        rows = [("pre-scaled pixmap drawn 1:1 (ImageView)", lambda p: p.drawPixmap(0, 0, fitted), False),
                ("8K pixmap scaled into the target, fast", lambda p: p.drawPixmap(full_rect, native), False),
                ("8K pixmap scaled into the target, smooth", lambda p: p.drawPixmap(full_rect, native), True),
                ("viewer zoom 1.5x fit: cut of 8K, smooth", zoomed(fit_scale * 1.5), True),
                ("viewer zoom 1.5x fit: cut of 8K, fast (moving)", zoomed(fit_scale * 1.5), False),
                ("viewer max zoom (8K 1:1): cut of 8K, smooth", zoomed(1.0), True)]
        times = timed_together([frame(target, draw, smooth) for _, draw, smooth in rows], repeat)
        for (label, _, _), ms in zip(rows, times):
            lines.append(f"   {size_text(box):<11}{label:<52}{ms:>8.2f}{ms / times[0]:>9.1f}x")
    return lines


# --- 3. content loading -------------------------------------------------------------

def _link_or_copy(src: str, dst: str) -> None:
    """Stills are hard-linked (cheap, and inside the folder as validation
    requires); anything else is copied, so writing a copy never touches the source."""
    if not src.endswith(".yaml"):
        try:
            os.link(src, dst)
            return
        except OSError:
            pass
    shutil.copy2(src, dst)


def make_exhibit_set(root: Path, copies: int) -> int:
    """`copies` copies of every bundled exhibit, each with its own id; the first
    copy keeps the original ids so that compare panels find their exhibit."""
    count = 0
    for copy in range(copies):
        for source in sorted(p for p in EXHIBITS.iterdir() if (p / "exhibit.yaml").is_file()):
            name = source.name if copy == 0 else f"{source.name}-{copy:02d}"
            folder = root / name
            shutil.copytree(source, folder, copy_function=_link_or_copy)
            yaml_file = folder / "exhibit.yaml"
            text = yaml_file.read_text(encoding="utf-8")
            assert f"\nid: {source.name}\n" in text
            yaml_file.unlink()
            yaml_file.write_text(text.replace(f"\nid: {source.name}\n", f"\nid: {name}\n"), encoding="utf-8")
            count += 1
    return count


def bench_content(repeat: int) -> list[str]:
    lines = ["3. Content loading: kiosk.content.loader.load_catalog (YAML, schema, checks, image headers)",
             f"   {'exhibit set':<40}{'exhibits':>9}{'errors':>8}{'total ms':>10}{'ms/exhibit':>12}"]
    per_exhibit = []
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        count = make_exhibit_set(Path(tmp), COPIES)
        roots = {"bundled exhibits": EXHIBITS, f"{COPIES} copies of the bundled exhibits": Path(tmp)}
        catalogs = {label: load_catalog([root]) for label, root in roots.items()}
        times = timed_together([lambda root=root: load_catalog([root]) for root in roots.values()], repeat)
        for (label, catalog), ms in zip(catalogs.items(), times):
            per_exhibit.append(ms / len(catalog.exhibits))
            lines.append(f"   {label:<40}{len(catalog.exhibits):>9}{len(catalog.errors):>8}"
                         f"{ms:>10.1f}{per_exhibit[-1]:>12.1f}")
        assert len(catalog.exhibits) == count
    lines.append(f"   per-exhibit cost, {count} exhibits / bundled: {per_exhibit[1] / per_exhibit[0]:.2f}x"
                 " (1.00x = linear)")
    return lines


# --- 4. memory --------------------------------------------------------------------

def _status_mb(field: str) -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_mb() -> float:
    return _status_mb("VmRSS")


def peak_mb() -> float:
    """VmHWM, not getrusage's ru_maxrss: a child's ru_maxrss starts at its
    parent's peak (it survives fork and exec), VmHWM starts afresh at exec."""
    return _status_mb("VmHWM")


MEMORY_CASES = {"screen size 1920x1080": (1920, 1080, Fit.CONTAIN),
                "screen size 3840x2160": (3840, 2160, Fit.CONTAIN),
                "native 7680x4320": (7680, 4320, Fit.NATIVE)}


def memory_probe(case: str) -> None:
    """In a fresh process (peak RSS only grows, so each decode gets its own):
    image MB, RSS rise with the image held, peak RSS rise during the decode."""
    gc.collect()
    rss, peak = rss_mb(), peak_mb()
    image = decode(ImageKey(EARTH_8K, *MEMORY_CASES[case]))
    print(image.sizeInBytes() / MB, rss_mb() - rss, peak_mb() - peak)


def bench_memory() -> list[str]:
    lines = ["4. Memory: decoding earth-8k.jpg, one fresh process per decode, image held while measured",
             f"   {'decode to':<30}{'image MB':>10}{'RSS rise MB':>13}{'peak rise MB':>14}"]
    for case in MEMORY_CASES:
        out = subprocess.run([sys.executable, __file__, "--memory-probe", case], check=True,
                             capture_output=True, text=True).stdout.split()
        image, held, peak = map(float, out)
        lines.append(f"   {case:<30}{image:>10.1f}{held:>13.1f}{peak:>14.1f}")
    budget = inspect.signature(ImageLoader).parameters["budget_bytes"].default
    uhd, native = _bytes(QPixmap(UHD)), _bytes(QPixmap(7680, 4320))
    lines += [f"   ImageLoader cache budget: {budget / MB:.0f} MB",
              f"   pixmap bytes, 3840x2160: {uhd / MB:.1f} MB ({budget // uhd} fit in the budget); "
              f"7680x4320: {native / MB:.1f} MB ({budget // native} fit)"]
    return lines


# --- 5. screens ---------------------------------------------------------------------

def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def bench_screens(repeat: int) -> list[str]:
    catalog = load_catalog([EXHIBITS])
    metrics = display_metrics(HD, 55.0, None)

    def build() -> KioskWindow:
        window = KioskWindow(build_context(catalog, metrics, "en"), HD.width())
        window.resize(HD)
        window.show()
        QApplication.processEvents()
        return window

    def dispose(window: KioskWindow) -> None:
        window.ctx.images.wait()
        window.close()
        window.deleteLater()
        flush_deletes()

    lines = ["5. Screens at 1920x1080 (kiosk.ui.window.KioskWindow, context as kiosk/render.py builds it)",
             "   decodes run off-thread and are not in these times; the image cache is warm after the warm-up",
             f"   {'screen':<52}{'ms':>8}"]
    ms = timed(build, repeat, after=dispose)
    lines.append(f"   {'build context + window, show home':<52}{ms:>8.1f}")
    window = build()
    window.ctx.images.wait()

    def back_home(_) -> None:
        window.ctx.images.wait()
        window.ctx.visit.go_home()
        flush_deletes()

    builds = []
    for item in catalog.exhibits:
        def open_exhibit(item=item) -> None:
            window.ctx.visit.show(item.id)
            QApplication.processEvents()
        builds.append(timed(open_exhibit, repeat, after=back_home))
        lines.append(f"   {'open exhibit ' + item.id + ' (build + layout)':<52}{builds[-1]:>8.1f}")
        window.ctx.visit.show(item.id)
        for _ in range(3):
            QApplication.processEvents()
            window.ctx.images.wait()
        ms = timed(window.grab, repeat)
        lines.append(f"   {'  then one frame of its first panel (grab)':<52}{ms:>8.1f}")
        languages = iter(["zh", "ru", "en"] * (repeat + 2))

        def switch_language() -> None:
            window.ctx.visit.set_language(next(languages))
            QApplication.processEvents()
        ms = timed(switch_language, repeat)
        lines.append(f"   {'  then a language switch (texts, fonts, layout)':<52}{ms:>8.1f}")
        back_home(None)
    lines.append(f"   {'mean per exhibit screen build':<52}{statistics.mean(builds):>8.1f}")
    dispose(window)
    return lines


def _quiet(mode, context, message: str) -> None:
    """Qt messages to stderr, less the offscreen platform's one for every window shown."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed repetitions per figure (default 5)")
    parser.add_argument("--memory-probe", choices=MEMORY_CASES, help=argparse.SUPPRESS)
    parser.add_argument("--no-targets", action="store_true",
                        help="skip the performance targets (bench/targets.py, about 6 minutes)")
    args = parser.parse_args()
    if args.memory_probe:
        memory_probe(args.memory_probe)
        return 0
    repeat = args.repeat
    logging.basicConfig(level=logging.WARNING)
    qInstallMessageHandler(_quiet)
    create_application()
    started = time.perf_counter()
    print(f"Exhibit kiosk benchmark: median of {repeat} runs after 1 warm-up, wall-clock ms")
    print(f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, Qt {qVersion()}, "
          f"{os.cpu_count()} CPUs, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}")
    for section in (lambda: bench_decoding(repeat), lambda: bench_painting(repeat),
                    lambda: bench_content(repeat), bench_memory, lambda: bench_screens(repeat)):
        print()
        print("\n".join(section()), flush=True)
    print(f"\nprocess peak RSS {peak_mb():.0f} MB; total {time.perf_counter() - started:.1f} s")
    if args.no_targets:
        return 0
    print("\n6. The performance targets (bench/targets.py, in processes of their own)", flush=True)
    return subprocess.run([sys.executable, str(ROOT / "bench" / "targets.py"), "--repeat", str(repeat)],
                          check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
