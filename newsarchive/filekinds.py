"""The kinds of file an address names, by the ending of its name: declared once for the
build's hints on a broken link (bodylinks: which file to put into static/, and whether
in images/ or files/) and for what `import` copies as an article's attachments
(importing.html.ATTACHMENT_SUFFIXES). Each place takes the kinds its job needs."""

# Photos as the old portals published them, and as a thumbnail links to at full size.
PHOTOS = (".jpg", ".jpeg", ".png", ".gif", ".webp")
# What a page shows as a picture: photos, drawings and the newest photo format. The
# import takes a link to a drawing or an AVIF for an ordinary link (copied when the
# crawl holds the file), as before the kinds were declared here.
PICTURES = (*PHOTOS, ".svg", ".avif")
# Scans, which browsers but Safari do not show in a page: a file to download.
SCANS = (".tif", ".tiff")
DOCUMENTS = (
    *(".pdf", ".rtf", ".csv"),
    *(".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".pps", ".ppsx"),
    *(".odt", ".ods", ".odp"),
)
ARCHIVES = (".zip", ".rar", ".7z")
VIDEOS = (".mp4", ".m4v", ".webm", ".ogv", ".mov", ".avi", ".wmv", ".flv")
SOUNDS = (".mp3", ".m4a", ".ogg", ".oga", ".wav", ".wma")
# Plain text: a file an editor links, but no attachment to the import, for which a .txt
# in a crawl is a page captured as text (importing.crawl.CAPTURE_SUFFIXES).
TEXTS = (".txt",)
