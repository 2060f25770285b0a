"""Kiosk operation: settings, logging, idle and attract, lockdown and admin,
presenter mode, content reloads, faults and statistics, around the content display."""
