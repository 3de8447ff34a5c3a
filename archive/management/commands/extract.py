"""Print what the parser reads from article files, without touching the database."""

import contextlib
import json
import time

from django.core.management.base import BaseCommand, CommandError

from archive.ingest.parser import ParseError, parse_source
from archive.ingest.pipeline import extract_path, read
from archive.ingest.source import SourceError, iter_paths


class Command(BaseCommand):
    help = (
        "Extract events, people, organisations, awards and figures from article files "
        "(or folders of .txt files; '-' reads standard input). Writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument(
            "--repeat",
            type=int,
            default=1,
            help="Parse every file N times and report articles per second on standard error.",
        )

    def handle(self, *args, **options):
        paths = list(iter_paths(options["paths"]))
        if options["repeat"] > 1:
            self.benchmark(paths, options["repeat"])
        articles, failures = [], []
        for path in paths:
            try:
                article = extract_path(path).to_json()
            except (SourceError, ParseError) as error:
                failures.append({"file": str(path), "error": str(error)})
                self.stderr.write(f"{path}: {error}")
                continue
            article["file"] = str(path)
            articles.append(article)
        if options["format"] == "json":
            document = {"articles": articles}
            if failures:
                document["failed"] = failures
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            for article in articles:
                self.write_text(article)
        if failures:
            raise CommandError(f"{len(failures)} of {len(failures) + len(articles)} files failed")

    def benchmark(self, paths, repeat):
        sources = []
        for path in paths:
            if str(path) == "-":
                continue  # standard input can be read once only: by the normal run below
            with contextlib.suppress(SourceError):  # reported by the normal run below
                sources.append(read(path))
        started = time.perf_counter()
        for _ in range(repeat):
            for src in sources:
                with contextlib.suppress(ParseError):
                    parse_source(src)
        seconds = time.perf_counter() - started
        count = len(sources) * repeat
        self.stderr.write(
            f"extract: {count} articles in {seconds:.2f} s = {count / seconds:.1f} articles/s"
        )

    def write_text(self, article):
        self.stdout.write(self.style.MIGRATE_HEADING(article["file"]))
        for event in article["events"]:
            period = "–".join(map(str, event["period"])) if event["period"] else "?"
            self.stdout.write(f"  {event['title']} [{event['kind']}] {event['date']} ({period})")
            for person in event["participants"]:
                rank = f"{person['rank']} " if person["rank"] else ""
                titles = ", ".join(person["titles"])
                self.stdout.write(f"    {rank}{person['name']} — {titles} — {person['roles']}")
            for award in event["awards"]:
                self.stdout.write(
                    f"    {award['kind']} / {award['giver']}: "
                    f"{award['collectives']} tập thể, {award['individuals']} cá nhân"
                )
            for figure in event["statistics"]:
                self.stdout.write(f"    {figure['qualifier']} {figure['value']} {figure['label']}")
