"""Exhibit Kiosk: a touch-screen museum kiosk for film exhibits written in YAML.

The layers, each importing only the ones below it (import-linter checks them;
the contracts are in pyproject.toml):

    cli, render         the `kiosk` command and `kiosk render`
    operation           running a kiosk: the visitor and presenter modes (attract,
                        idle reset), lockdown, staff access, content staging and
                        watching, faults, logs; the controller that wires them
    ui | statistics     the Qt screens and panels (one module each), theme, icons,
                        gestures and the input pipeline | visitor statistics
    media               decoding and caching stills (crop maths in plain Python)
    settings | visit    kiosk.yaml | the visit model: where the visitor is
    content             the exhibit format: schema, YAML with positions, checks
    locale | paths      what differs between languages | where bundled files live

Everything below `ui` is plain Python without Qt. The visit model is the one
source of truth for the visitor's place and language: screens follow its
events and write what visitors do back through its methods.

Input has one pipeline (kiosk.ui.input): one application-wide filter hands each
raw touch, click, pen stroke and key to the stages in a declared order: idle
(observes), presenter (clicker keys), lockdown (swallows the rest of the keys,
refuses closing), gestures (one recogniser for swipe, drag-scroll with
momentum, pan, pinch, double tap and long press, from any pointer).
"""

__version__ = "0.1.0"
