"""Search: the static index the build writes (writer.py), its file format (format.py),
what articles and queries become (terms.py), and the reference query engine (engine.py)
that static/js/search-engine.js follows. docs/search-format.md describes the files.

Nothing is imported here: the build reads format.STAMP on every run, only a build
that updates the index should load writer.py, and only one that writes a segment of it
segment.py and numpy."""
