"""Everything the visitor sees: Qt widgets built on the plain-Python content and visit model.

A rule for every view here: connect Qt signals to QObject methods or to
lambdas, never to a bound method of a plain-Python object (the visit model,
a gesture handler). PySide keeps a weak reference to such an object for each
connection, and it outlives the widget that made it: one leak per screen.
"""
