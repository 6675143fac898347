import sys

try:
    from newsarchive.cli import run
except KeyboardInterrupt:  # Ctrl+C while Python loads the program: nothing was done yet
    print("\nnewsarchive: stopped; the site was not changed", file=sys.stderr)
    sys.exit(130)
except ModuleNotFoundError as missing:  # a new terminal, its virtual environment not active
    if (missing.name or "newsarchive").partition(".")[0] == "newsarchive":
        raise  # one of its own files missing or misnamed: a bug that pip cannot mend
    print(
        f"newsarchive: error: {missing}: what newsarchive needs is not installed for "
        f"{sys.executable}\n    how to fix: run python3 -m pip install -e . in the folder "
        "of build.py (after activating your virtual environment, if you made one)",
        file=sys.stderr,
    )
    sys.exit(1)

run()
