"""The decoded-image cache: its budget follows the screen, and it keeps to it."""

from __future__ import annotations

from kiosk.media.images import Fit, ImageKey, ImageLoader
from kiosk.visit.pages import pages_of
from tests.helpers.exhibits import make_context, png_bytes


def test_the_cache_budget_is_a_few_screenfuls_of_the_display(qapp):
    from PySide6.QtCore import QSize

    from kiosk.ui.app import build_context, display_metrics

    catalog = make_context().catalog
    full_hd = build_context(catalog, display_metrics(QSize(1920, 1080), 55.0, None)).images.budget
    four_k = build_context(catalog, display_metrics(QSize(3840, 2160), 55.0, None)).images.budget
    assert four_k == 4 * full_hd
    assert 4 * 1920 * 1080 * 4 <= full_hd <= 16 * 1920 * 1080 * 4


def test_the_cache_keeps_to_its_budget_whatever_is_decoded(qapp, tmp_path):
    loader = ImageLoader(budget_bytes=3 * 200 * 100 * 4)
    still = tmp_path / "still.png"
    still.write_bytes(png_bytes(400, 200))
    for width in range(100, 200, 10):
        loader.request(ImageKey(still, width, 100, Fit.COVER))
    loader.wait()
    assert 0 < loader.cached_bytes <= loader.budget


def test_touring_every_page_at_4k_stays_within_the_budget(qtbot, qapp):
    from PySide6.QtCore import QSize

    from kiosk.ui.app import build_context, display_metrics
    from kiosk.ui.window import KioskWindow
    from tests.helpers.exhibits import show_at

    ctx = build_context(make_context().catalog, display_metrics(QSize(3840, 2160), 55.0, None))
    show_at(qtbot, KioskWindow(ctx, 3840), 3840, 2160, ctx)
    for item in ctx.catalog.exhibits:
        for page in range(len(pages_of(item))):
            ctx.visit.show(item.id, page)
            qtbot.wait(5)
    ctx.images.wait()
    assert ctx.images.cached_bytes <= ctx.images.budget
