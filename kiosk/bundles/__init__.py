"""Content bundles: one signed file that carries an exhibits folder to many
kiosks, and each kiosk's store of the versions it received (plain Python)."""
