"""The exhibits the kiosk ships with are clean: no error, no warning."""

from __future__ import annotations

from kiosk.content.loader import load_catalog
from kiosk.paths import bundled_exhibits_dir


def test_the_bundled_exhibits_validate_with_no_errors_and_no_warnings():
    catalog = load_catalog([bundled_exhibits_dir()])
    assert [p.format() for p in catalog.problems] == []
    assert {item.id for item in catalog.exhibits} == {"shenzhou-13", "the-challenge"}


def test_compare_targets_are_resolved_at_load_time():
    catalog = load_catalog([bundled_exhibits_dir()])
    shenzhou = catalog.get("shenzhou-13")
    compares = {i: p for i, p in enumerate(shenzhou.exhibit.panels) if p.type == "compare"}
    by_id = {i for i, p in compares.items() if isinstance(p.other, str)}
    assert by_id and all(shenzhou.compared[i] is catalog.get(compares[i].other) for i in by_id)


def test_bundled_stills_stay_within_the_asset_budget():
    stills = list(bundled_exhibits_dir().glob("*/stills/*"))
    assert sum(p.stat().st_size for p in stills) <= 14_000_000
    assert (bundled_exhibits_dir() / "shenzhou-13" / "stills" / "earth-8k.jpg").stat().st_size <= 6_000_000
