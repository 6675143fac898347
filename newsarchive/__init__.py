"""newsarchive: a static site generator for read-only news archives."""
