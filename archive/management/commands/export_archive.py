"""Write the archive as a fixture with natural keys: the backup, and fixtures/archive.json."""

import json
from pathlib import Path

from django.core import serializers
from django.core.management.base import BaseCommand

from archive.models import Article, Award, Event, Organisation, Participation, Person, Statistic

# Timestamps of the import itself; leaving them out keeps the reviewed fixture stable.
VOLATILE = {"imported_at", "updated_at"}
MODELS = (Organisation, Person, Article, Event, Participation, Award, Statistic)


def export():
    items = []
    for model in MODELS:
        queryset = model._default_manager.order_by("pk")
        data = serializers.serialize(
            "python", queryset, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
        for item in data:
            item["fields"] = {k: v for k, v in item["fields"].items() if k not in VOLATILE}
            items.append(item)
    return items


class Command(BaseCommand):
    help = "Export the whole archive as JSON with natural keys (loads into an empty database)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; standard output if omitted.")

    def handle(self, *args, **options):
        text = json.dumps(export(), ensure_ascii=False, indent=2, default=str) + "\n"
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"Wrote {options['output']}."))
        else:
            self.stdout.write(text, ending="")
