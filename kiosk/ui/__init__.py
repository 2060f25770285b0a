"""Everything the visitor sees: Qt widgets built on the plain-Python content."""
