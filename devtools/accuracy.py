"""Measure extraction accuracy on reports written by hand: `python -m devtools.accuracy DIR`.

Prints one line per report and the total: facts read right out of all facts (see
`comparison.score`), with every difference when run with -v.
"""

import json
import os
import sys
from pathlib import Path

import django


def measure(folder, verbose=False):
    from archive.ingest.parser import parse_text
    from devtools.comparison import differences, score

    right = total = 0
    for text_path in sorted(Path(folder).glob("*.txt")):
        expected = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        actual = parse_text(text_path.read_text(encoding="utf-8"), name=text_path.name).to_json()
        good, facts = score(expected, actual)
        right, total = right + good, total + facts
        print(f"{text_path.name}: {good}/{facts}")
        if verbose:
            for line in differences(expected, actual):
                print(f"    {line}")
    print(f"total: {right}/{total} = {right / total:.1%}")
    return right, total


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    django.setup()
    args = [a for a in sys.argv[1:] if a != "-v"]
    for folder in args or ["tests/ingest/samples"]:
        measure(folder, verbose="-v" in sys.argv)
