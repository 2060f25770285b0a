"""Exhibit Kiosk: a touch-screen museum kiosk for film exhibits written in YAML."""

__version__ = "0.1.0"
