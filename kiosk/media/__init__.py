"""Image decoding and caching, kept apart from the screens that show images."""
