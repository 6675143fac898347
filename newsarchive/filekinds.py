"""The kinds of file an address names, by the ending of its name: declared once for the
build's hints on a broken link (bodylinks: which file to put into static/, and whether
in images/ or files/), for the name of a link to a picture (markup.py), for what `import`
copies as an article's attachments (importing.html.ATTACHMENT_SUFFIXES) and for the
pages of a crawl. Each place takes the kinds its job needs; where two lists of one kind
differ, they stand side by side below, with why."""

# Photos as the old portals published them, and as a thumbnail links to at full size.
PHOTOS = (".jpg", ".jpeg", ".png", ".gif", ".webp")
# What a page shows as a picture: photos, drawings and the newest photo format. The
# import takes a link to a drawing or an AVIF for an ordinary link (copied when the
# crawl holds the file), as before the kinds were declared here.
PICTURES = (*PHOTOS, ".svg", ".avif")
# Scans, which browsers but Safari do not show in a page: a file to download.
SCANS = (".tif", ".tiff")
# What holds a picture, whether a page can show it or not (a bitmap, a scan): a link that
# shows only an unnamed picture and leads to one is named (markup.py), and a picture's
# file name read in an <img>'s broken markup is named in the import's note.
PICTURE_FILES = (*PICTURES, ".bmp", *SCANS)
DOCUMENTS = (
    *(".pdf", ".rtf", ".csv"),
    *(".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".pps", ".ppsx"),
    *(".odt", ".ods", ".odp"),
)
ARCHIVES = (".zip", ".rar", ".7z")
# What a reader saves rather than sees in the browser: the import's link to its copy
# gives the download the portal's own name (importing.media.download_names). Not a PDF:
# every browser shows one in its viewer, where a reader (on a phone, mostly) reads the
# decision; `download` would make a click save it instead (a prompt on an iPhone).
DOWNLOADS = (*(kind for kind in DOCUMENTS if kind != ".pdf"), *ARCHIVES, *SCANS)
# What a crawl folder is sent or kept in, which `import` asks to unpack (importing.crawl):
# tar's too, in which no portal offered a download to its readers.
PACKED = (*ARCHIVES, ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tar.xz")
VIDEOS = (".mp4", ".m4v", ".webm", ".ogv", ".mov", ".avi", ".wmv", ".flv")
SOUNDS = (".mp3", ".m4a", ".ogg", ".oga", ".wav", ".wma")
# Flash animations, which 2008-2014 portals showed in an <object>: no browser plays them
# since 2021, but the file is the portal's, kept for the record.
FLASH = (".swf",)
# Plain text: a file an editor links, but no attachment to the import, for which a .txt
# in a crawl is a page captured as text (importing.crawl.CAPTURE_SUFFIXES).
TEXTS = (".txt",)

# A name that says web page: what a static host serves as one whatever its settings (a
# redirect page at /tin/a.aspx is served as a file to download: urls.alias_url), and the
# ending wget -E and HTTrack give a page they save.
PAGES = (".html", ".htm")
# The pages a crawl of a portal may hold (importing.crawl): also what its server made a
# page of, which a static host serves as a file.
CRAWLED_PAGES = (*PAGES, ".shtml", ".xhtml", ".php", ".asp", ".aspx", ".jsp", ".jspx", ".cfm")
