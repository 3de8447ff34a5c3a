"""Measure extraction accuracy on reports written out by hand.

    python -m devtools.accuracy [-v] [--texts DIR] FOLDER...

Each FOLDER holds expected extractions (`NAME.json`); the text of each is `NAME.txt` beside it,
or in DIR when `--texts DIR` is given (the real corpus keeps its texts outside the project).
Prints one line per report (facts read right out of all facts, see `comparison.score`), the
total, and the share right by field (see `comparison.field_tallies`); -v adds every difference.
"""

import argparse
import json
import os
from pathlib import Path

import django


def pairs(folder, texts=None):
    """(text path, expected extraction) for every expected file of `folder`."""
    for expected_path in sorted(Path(folder).glob("*.json")):
        text_path = Path(texts or folder) / f"{expected_path.stem}.txt"
        if text_path.exists():
            yield text_path, json.loads(expected_path.read_text(encoding="utf-8"))


def extract(text_path):
    """The parser's output for one file; a refused file is an extraction with no event."""
    from archive.ingest.parser import ParseError, parse_text
    from archive.ingest.source import SourceError

    try:
        return parse_text(text_path.read_text(encoding="utf-8"), name=text_path.name).to_json()
    except (ParseError, SourceError) as error:
        return {"events": [], "captions": [], "refused": str(error)}


def measure(folder, texts=None, verbose=False, out=print):
    """Print the per-report and by-field figures; returns (right, total, tallies)."""
    from devtools.comparison import FIELD_ORDER, differences, field_tallies, score

    right = total = 0
    tallies = {field: [0, 0] for field in FIELD_ORDER}
    for text_path, expected in pairs(folder, texts):
        actual = extract(text_path)
        good, facts = score(expected, actual)
        right, total = right + good, total + facts
        for field, (field_right, out_of) in field_tallies(expected, actual).items():
            tallies[field][0] += field_right
            tallies[field][1] += out_of
        out(f"{text_path.name}: {good}/{facts}" + (" (refused)" if "refused" in actual else ""))
        if verbose:
            for line in differences(expected, actual):
                out(f"    {line}")
    if not total:
        out(f"{folder}: no expected extraction with a text found")
        return right, total, tallies
    out(f"total: {right}/{total} = {right / total:.1%}")
    out("by field: " + by_field_line(tallies))
    return right, total, tallies


def share(right, out_of):
    return right / out_of if out_of else 1.0


def by_field_line(tallies):
    return ", ".join(
        f"{field} {share(*tallies[field]):.1%}" for field in tallies if tallies[field][1]
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", default=["tests/ingest/samples"])
    parser.add_argument("--texts", help="folder holding the texts, when not beside the JSON")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    for folder in args.folders:
        print(f"== {folder}" + (f" (texts in {args.texts})" if args.texts else ""))
        measure(folder, texts=args.texts, verbose=args.verbose)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()
    main()
