"""Search the archive from the command line, for scripts and checks."""

import json

from django.core.management.base import BaseCommand

from archive.search import BACKENDS, search


class Command(BaseCommand):
    help = 'Search the archive: manage.py search "QUERY" [--format json] [--backend …] [--limit N]'

    def add_arguments(self, parser):
        parser.add_argument("query")
        parser.add_argument("--format", choices=["json", "text"], default="text")
        parser.add_argument("--backend", choices=BACKENDS, help="Default: ARCHIVE_SEARCH_BACKEND.")
        parser.add_argument("--limit", type=int, default=10)

    def handle(self, *args, **options):
        limit = max(1, min(options["limit"], 1000))
        results = search(options["query"], per_page=limit, backend=options["backend"])
        if options["format"] == "json":
            document = {
                "query": results.query,
                "total": results.total,
                "hits": [hit.as_json() for hit in results.hits],
            }
            if results.suggestion:
                document["suggestion"] = results.suggestion
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{results.total} results for {results.query!r}")
        for hit in results.hits:
            self.stdout.write(f"  [{hit.type}] {hit.title} ({hit.score}) {hit.url}")
        if results.suggestion:
            self.stdout.write(f"Did you mean: {results.suggestion}?")
