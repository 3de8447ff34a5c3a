"""Print what the parser reads from article files, without touching the database."""

import json

from django.core.management.base import BaseCommand, CommandError

from archive.ingest.parser import ParseError
from archive.ingest.pipeline import extract_path
from archive.ingest.source import SourceError, iter_paths


class Command(BaseCommand):
    help = (
        "Extract events, people, organisations, awards and figures from article files "
        "(or folders of .txt files; '-' reads standard input). Writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args, **options):
        paths = options["paths"]
        articles, failures = [], []
        for path in iter_paths(paths):
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
