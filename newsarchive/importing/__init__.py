"""`import`: captured pages of an old portal -> our Markdown articles.

command.py does the command's work, from what the command line asks to what it did
(cli.py prints it); run.py imports the pages of a crawl.

page.py holds the contract between the two halves:
- reading the capture (files, mirror folders, WARC/WACZ) into `CapturedPage`s, copying media,
  writing articles and the report;
- extraction: one `CapturedPage` -> `Extracted` (or `NotArticle`), by site profile or generic.
"""
