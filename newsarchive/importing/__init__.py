"""`import`: captured pages of an old portal -> our Markdown articles.

page.py holds the contract between the two halves:
- reading the capture (files, mirror folders, WARC/WACZ) into `CapturedPage`s, copying media,
  writing articles and the report;
- extraction: one `CapturedPage` -> `Extracted` (or `NotArticle`), by site profile or generic.
"""
