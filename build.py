import sys

try:
    from newsarchive.cli import run
except KeyboardInterrupt:  # Ctrl+C while Python loads the program: nothing was done yet
    print("\nnewsarchive: stopped; the site was not changed", file=sys.stderr)
    sys.exit(130)

run()
