"""The attract screen itself: the loop, the crossfade, the words and the stills."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from kiosk.locale.strings import tr
from kiosk.ui.screens.attract import AttractScreen
from kiosk.visit.attract import Slide, attract_slides
from tests.helpers.clock import FakeClock
from tests.helpers.exhibits import make_context, make_exhibit, png_bytes

LONG_SLIDE_MS = 60_000


def attract_on(qtbot, ctx, slides, slide_ms=LONG_SLIDE_MS, fade_ms=200, size=(640, 360), clock=None):
    attract = AttractScreen(ctx, lambda catalog: slides, slide_ms, fade_ms, clock=clock)
    qtbot.addWidget(attract)
    attract.resize(*size)
    attract.start()
    ctx.images.wait()
    return attract


def test_attract_shows_exactly_while_the_visit_is_in_attract_mode(qtbot, ctx):
    attract = attract_on(qtbot, ctx, attract_slides(ctx.catalog))
    attract.hide()
    ctx.visit.reset("test")
    assert attract.isVisible()
    ctx.visit.wake(None)
    assert not attract.isVisible()


def test_attract_crossfades_to_the_next_slide_after_slide_ms(qtbot, ctx):
    clock = FakeClock()
    attract = attract_on(qtbot, ctx, attract_slides(ctx.catalog), slide_ms=400, fade_ms=100,
                         clock=clock.now)
    assert attract.index == 0
    clock.advance(0.35)
    assert 0 < attract.fade < 1 and attract.index == 0  # crossfading, not yet turned
    clock.advance(0.1)
    with qtbot.waitSignal(attract.slide_changed, timeout=1000) as changed:
        pass
    assert changed.args == [1] and attract.index == 1
    assert attract.slides[1] != attract.slides[0]


def test_the_call_to_action_shows_every_enabled_language(qtbot, ctx):
    attract = attract_on(qtbot, ctx, attract_slides(ctx.catalog), size=(1920, 1080))
    expected = [tr("touch_to_explore", language) for language in ("en", "zh", "ru")]
    assert attract.call_to_action == expected
    for language in expected:
        assert language in attract.accessibleName()
    attract.grab()
    drawn = [text for text, _, rect in attract._lay_out().cta if attract.rect().contains(rect)]
    assert all(text in drawn for text in expected)


def test_a_narrow_screen_stacks_the_call_to_action(qtbot, qapp):
    ctx = make_context(size=(1280, 720), diagonal=24)
    attract = attract_on(qtbot, ctx, attract_slides(ctx.catalog), size=(1280, 720))
    attract.grab()
    places = {text: rect for text, _, rect in attract._lay_out().cta}
    assert all(attract.rect().contains(rect) for rect in places.values())


def test_the_still_always_covers_the_screen_while_it_moves(qtbot, ctx, tmp_path):
    path = tmp_path / "red.png"
    path.write_bytes(png_bytes(640, 300, (200, 0, 0)))
    item = ctx.catalog.exhibits[0]
    now = [0.0]
    attract = attract_on(qtbot, ctx, [Slide(item, path, (0.9, 0.2))], 1000, 200, (800, 450),
                         clock=lambda: now[0])
    assert not attract.is_placeholder(0)
    for moment in (0.0, 0.5, 0.99, 1.5):
        now[0] = moment
        image = attract.grab().toImage()
        for x, y in ((0, 0), (799, 0), (0, 150), (799, 150), (400, 0)):
            assert image.pixelColor(x, y).red() > 150, (moment, x, y)


def test_new_slides_replace_the_old_ones_at_once(qtbot, ctx, tmp_path):
    """Changed content arrives while attract mode shows: nothing of the old may stay."""
    red, blue = tmp_path / "red.png", tmp_path / "blue.png"
    red.write_bytes(png_bytes(64, 36, (200, 0, 0)))
    blue.write_bytes(png_bytes(64, 36, (0, 0, 200)))
    first, second = ctx.catalog.exhibits[:2]
    attract = attract_on(qtbot, ctx, [Slide(first, red, (0.5, 0.5))] * 2)
    assert attract.grab().toImage().pixelColor(320, 20).red() > 150
    attract.slides = [Slide(second, blue, (0.5, 0.5))]
    ctx.images.wait()
    assert attract.grab().toImage().pixelColor(320, 20).blue() > 150
    assert attract.index == 0 and attract.on_screen.item is second


def test_missing_and_broken_stills_show_a_calm_placeholder(qtbot, ctx, exhibits_root):
    folder = make_exhibit(exhibits_root, "broken").parent
    (folder / "broken.jpg").write_bytes(b"not a picture")
    item = ctx.catalog.exhibits[0]
    clock = FakeClock()
    slides = [Slide(item, folder / "missing.png", (0.5, 0.5)),
              Slide(item, folder / "broken.jpg", (0.5, 0.5))]
    attract = attract_on(qtbot, ctx, slides, 200, 100, clock=clock.now)
    clock.advance(0.35)
    qtbot.waitUntil(lambda: attract.index == 1)
    ctx.images.wait()
    image = attract.grab().toImage()
    assert attract.is_placeholder(0) and attract.is_placeholder(1)
    assert image.pixelColor(5, 5) != QColor("black")  # the placeholder field, not a hole


def test_each_slide_is_titled_in_every_enabled_language(ctx):
    """Attract titles were in the default language only: a passer-by who reads
    Chinese or Russian now finds the film's name in their own script."""
    from kiosk.ui.screens.attract.texts import caption_lines

    exhibit = ctx.catalog.get("shenzhou-13").exhibit
    lines = caption_lines(ctx, exhibit)
    assert lines[0] == ("SHENZHOU 13", "title")
    assert lines[1][1] == "other_titles"
    assert "窗外是蓝星" in lines[1][0] and "Шэньчжоу-13" in lines[1][0]
    assert lines[2] == (exhibit.subtitle.translations["en"], "subtitle")
    ctx.visit.set_language("zh")
    assert caption_lines(ctx, exhibit)[0] == ("窗外是蓝星", "title")
    assert "SHENZHOU 13" in caption_lines(ctx, exhibit)[1][0]


def _stripes(tmp_path, size=(640, 360)):
    from PySide6.QtGui import QImage, QPainter

    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    for x in range(0, size[0], 40):
        painter.fillRect(x, 0, 20, size[1], QColor("white"))  # stripes show any movement or resampling
    for y in range(0, size[1], 40):
        painter.fillRect(0, y, size[0], 3, QColor(200, 30, 30))
    painter.end()
    path = tmp_path / "stripes.png"
    image.save(str(path))
    return path


def test_a_drifting_still_is_its_decoded_pixels_moved_by_whole_pixels(qtbot, ctx, tmp_path):
    """No frame resamples the still: the top of each frame, above the scrim, is
    the decoded still itself, moved further right and down as the turn goes on."""
    from kiosk.ui.screens.attract import OVERSCAN

    now = [0.0]
    slide = Slide(ctx.catalog.exhibits[0], _stripes(tmp_path, (1600, 900)), (0.5, 0.5))
    attract = attract_on(qtbot, ctx, [slide], 8000, 500, (800, 450), clock=lambda: now[0])
    still = ctx.images.request(attract._key(0)).toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert still.width() == round(800 * OVERSCAN)
    offsets = []
    for seconds in (0.0, 3.0, 6.0):
        now[0] = seconds
        frame = attract.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        offset = next(((dx, dy) for dx in range(still.width() - 799) for dy in range(still.height() - 449)
                       if still.copy(dx, dy, 800, 100) == frame.copy(0, 0, 800, 100)), None)
        assert offset is not None, f"the frame at {seconds} s is no copy of the still"
        offsets.append(offset)
    assert offsets[0] < offsets[1] < offsets[2]


def test_under_reduced_motion_the_still_does_not_move(qtbot, tmp_path):
    import dataclasses

    from kiosk.ui.theme import Theme

    theme = Theme(motion=dataclasses.replace(Theme().motion, reduced=True))
    ctx = make_context(theme=theme)
    path = _stripes(tmp_path)
    now = [0.0]
    attract = attract_on(qtbot, ctx, [Slide(ctx.catalog.exhibits[0], path, (0.5, 0.5))], 8000, 500,
                         (800, 450), clock=lambda: now[0])
    row = [attract.grab().toImage().pixelColor(x, 50) for x in range(0, 800, 7)]
    now[0] = 6.0
    assert [attract.grab().toImage().pixelColor(x, 50) for x in range(0, 800, 7)] == row


def test_no_icon_is_made_inside_a_paint(qtbot, ctx, monkeypatch):
    """Making the first icon loads the icon fonts: that must not hold up a frame."""
    from kiosk.ui.screens.attract import texts

    painting, made_while_painting = [], []
    original_paint, original_icon = AttractScreen.paintEvent, texts.icon

    def paint(self, event):
        painting.append(True)
        try:
            original_paint(self, event)
        finally:
            painting.pop()

    def icon(*args, **kwargs):
        made_while_painting.append(bool(painting))
        return original_icon(*args, **kwargs)
    monkeypatch.setattr(AttractScreen, "paintEvent", paint)
    monkeypatch.setattr(texts, "icon", icon)
    attract = attract_on(qtbot, ctx, attract_slides(ctx.catalog))
    attract.repaint()
    ctx.visit.set_language("zh")
    attract.repaint()
    attract.resize(800, 450)
    attract.repaint()
    assert made_while_painting and not any(made_while_painting)


def test_the_first_sharp_frame_does_not_wait_for_the_icon_fonts(qtbot, ctx, monkeypatch):
    """Loading the icon fonts costs a tenth of a second at start-up: the still
    and the call to action show first, the touch glyph a moment later."""
    import kiosk.ui.screens.attract as attract_module
    from kiosk.ui.screens.attract import texts

    events: list[str] = []
    original_paint, original_icon = AttractScreen.paintEvent, texts.icon

    def paint(self, event):
        original_paint(self, event)
        events.append("placeholder" if self.is_placeholder(0) else "sharp frame")

    def icon(*args, **kwargs):
        events.append("icon")
        return original_icon(*args, **kwargs)
    monkeypatch.setattr(attract_module, "icon_fonts_loaded", lambda: False)  # as in a fresh process
    monkeypatch.setattr(AttractScreen, "paintEvent", paint)
    monkeypatch.setattr(texts, "icon", icon)
    attract = attract_on(qtbot, ctx, attract_slides(ctx.catalog))
    attract.show()
    qtbot.waitUntil(lambda: "icon" in events and events[-1] == "sharp frame")
    assert "sharp frame" in events[:events.index("icon")]
    glyph = attract._lay_out().icon_at
    accent = QColor(ctx.theme.colours.accent)
    image = attract.grab().toImage()
    assert any(image.pixelColor(x, y) == accent for x in range(glyph.left(), glyph.right())
               for y in range(glyph.top(), glyph.bottom()))


def _crossfading(qtbot, ctx, tmp_path):
    """Attract mode 300 ms into a 400 ms crossfade from stripes to a red field."""
    red = tmp_path / "red.png"
    red.write_bytes(png_bytes(640, 360, (200, 0, 0)))
    first, second = ctx.catalog.exhibits[:2]
    now = [0.0]
    slides = [Slide(first, _stripes(tmp_path), (0.5, 0.5)), Slide(second, red, (0.5, 0.5))]
    attract = attract_on(qtbot, ctx, slides, 1000, 400, (800, 450), clock=lambda: now[0])
    now[0] = 0.9
    attract.grab()
    ctx.images.wait()  # the next still too
    assert not attract.is_placeholder(1)
    attract.grab()  # and the frame after this one is being composed
    return attract, now


def _frame(attract):
    return attract.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_a_crossfade_frame_is_composed_while_the_one_before_shows(qtbot, ctx, tmp_path):
    """A 4K crossfade painted on the GUI thread missed 60 fps: the worker
    composes the next frame, and it is the very frame the GUI thread would paint."""
    attract, now = _crossfading(qtbot, ctx, tmp_path)
    attract._frames.wait()
    now[0] += attract._timer.interval() / 1000
    composed = _frame(attract)
    assert attract._frames.shown == 1
    attract._frames.wait()
    attract._frames.forget()
    assert _frame(attract) == composed  # painted here this time
    assert attract._frames.shown == 1


def test_a_composed_frame_of_another_moment_or_language_is_not_shown(qtbot, ctx, tmp_path):
    attract, now = _crossfading(qtbot, ctx, tmp_path)
    attract._frames.wait()
    now[0] += 0.1  # six frames later: the worker's frame is too old
    late = _frame(attract)
    assert attract._frames.shown == 0
    attract._frames.wait()
    attract._frames.forget()
    assert _frame(attract) == late
    attract._frames.wait()
    ctx.visit.set_language("zh")  # the captions change
    attract._frames.wait()
    _frame(attract)
    assert attract._frames.shown == 0


def test_no_frame_is_composed_ahead_outside_a_crossfade(qtbot, ctx, tmp_path):
    """Two screen-sized images are held only while a crossfade runs."""
    attract, now = _crossfading(qtbot, ctx, tmp_path)
    attract._frames.wait()
    assert attract._frames._images
    now[0] = 0.2
    attract.grab()
    attract._frames.wait()
    attract.grab()
    assert not attract._frames._images and attract._frames.shown == 0


def test_attract_mode_draws_60_frames_a_second_where_painting_is_cheap(qapp):
    from PySide6.QtCore import QTimer

    from kiosk.ui.screens.attract.pacing import FramePacer

    timer = QTimer()
    pacer = FramePacer(timer)
    for _ in range(30):
        pacer.painted(4.0)
    assert timer.interval() == 16
    for _ in range(30):
        pacer.painted(25.0)  # a slow machine: no more than a third of its time on attract mode
    assert 70 <= timer.interval() <= 75


def test_a_caption_that_stays_does_not_dim_in_the_crossfade(qtbot, ctx, tmp_path):
    """Two stills of one exhibit in a row: its title blended out and in again
    read at three quarters halfway through."""
    red, also_red = tmp_path / "red.png", tmp_path / "also-red.png"
    red.write_bytes(png_bytes(640, 360, (200, 0, 0)))
    also_red.write_bytes(png_bytes(640, 360, (200, 0, 0)))
    item = ctx.catalog.exhibits[0]
    now = [0.0]
    attract = attract_on(qtbot, ctx, [Slide(item, red, (0.5, 0.5)), Slide(item, also_red, (0.5, 0.5))],
                         1000, 400, (800, 450), clock=lambda: now[0])
    now[0] = 0.2
    steady = _frame(attract)
    now[0] = 0.8
    ctx.images.wait()
    attract._frames.forget()
    halfway = _frame(attract)
    texts = attract._lay_out()
    caption = attract.rect().adjusted(0, 0, 0, -(attract.height() - texts.cta_box.top()))
    assert halfway.copy(caption) == steady.copy(caption)
