"""GitHub's limits on what an archive publishes: the import and check both keep to them."""

# GitHub refuses a push that holds a file over 100 MiB, and GitHub Pages publishes a site
# of up to 1 GB: the archivist learns it at `git push`, after the work is committed.
FILE_LIMIT = 100 * 1024 * 1024
SITE_LIMIT = 1024 * 1024 * 1024
MB = 1024 * 1024
TOO_BIG_HINT = (
    "GitHub refuses a push that holds a file over 100 MB: keep it out of the repository "
    "(delete it from static/, and from git history if it was committed), put it where "
    "large files go (a GitHub release asset takes up to 2 GB, or an Internet Archive "
    "item) and link the article to that address; or make it smaller (a video at a lower "
    "resolution, a scanned PDF at 150 dpi)"
)
