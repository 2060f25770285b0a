"""One view per panel type, and the table of them knows every type of the schema."""

from kiosk.content.schema import PANEL_TYPES
from kiosk.ui.panels import PANEL_VIEWS


def test_every_panel_type_has_exactly_one_view():
    assert tuple(PANEL_VIEWS) == PANEL_TYPES
    assert len(set(PANEL_VIEWS.values())) == len(PANEL_TYPES)
