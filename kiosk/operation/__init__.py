"""Running the kiosk in a museum: its settings file, the admin PIN, statistics.

Plain Python, no Qt: these modules serve the command line as well as the kiosk.
"""
