"""The kiosk's settings file, `kiosk.yaml`: schema, loading, PIN, showing. Plain Python, no Qt."""
