from newsarchive.cli import run

run()
