"""Write newsarchive/common_words.txt: the most frequent Vietnamese words.

    pip install wordfreq && python bench/common_words.py

Not needed to build a site; run it only to refresh the list. The search record puts
the tokens of these words first, most frequent first (see newsarchive/folding.py):
a common word then sits at about the same small position in every article, which
makes its part of the search index much smaller. Which list is used changes how big
the index is, never what a search finds.
"""

import unicodedata
from pathlib import Path

from wordfreq import top_n_list  # type: ignore[import-not-found]

TARGET = Path(__file__).resolve().parent.parent / "newsarchive" / "common_words.txt"
HEADER = """\
# The most frequent Vietnamese words (of the top 2,000, those of letters only), most
# frequent first, from wordfreq 3
# (https://github.com/rspeer/wordfreq, data CC BY-SA 4.0, Robyn Speer et al.).
# Made by bench/common_words.py; used by newsarchive/folding.py.
"""


def main() -> None:
    words = [unicodedata.normalize("NFC", w) for w in top_n_list("vi", 2000) if w.isalpha()]
    TARGET.write_text(HEADER + "\n".join(dict.fromkeys(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {TARGET}")


if __name__ == "__main__":
    main()
