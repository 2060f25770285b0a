"""The visit: where the visitor is and what they do, as plain Python.

`Visit` is the single source of truth for the kiosk's place (attract, home,
an exhibit's panel, a still in the viewer, an overlay) and language. Screens
follow its events and write what the visitor does back through its methods;
the presenter, `kiosk render`, the statistics recorder and the tests drive it
the same way. No Qt here (napari's plain models observed by Qt views).
"""
