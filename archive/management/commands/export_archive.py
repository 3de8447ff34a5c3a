"""Write the archive as a fixture with natural keys: the backup, and fixtures/archive.json.

The backup holds everything needed to restore the site as it was: the archive's records with
their import timestamps, the accounts (password hashes included), the groups and their
permissions, and the admin's history. Left out, because a restore rebuilds or does not need
them: sessions (everyone logs in again), django-axes' records of failed logins, content types
and permissions themselves (`migrate` creates them), and the search index (`rebuild_index`).
`--reviewed-fixture` writes only the archive's records, without the timestamps of the import,
as `make fixtures` keeps fixtures/archive.json.
"""

import json
from pathlib import Path

from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, User
from django.core import serializers
from django.core.management.base import BaseCommand

from archive.models import Article, Award, Event, Organisation, Participation, Person, Statistic

# Timestamps of the import itself; leaving them out keeps the reviewed fixture stable.
VOLATILE = {"imported_at", "updated_at"}
MODELS = (Organisation, Person, Article, Event, Participation, Award, Statistic)
SITE_MODELS = (Group, User, LogEntry)


def export(site=False):
    """The reviewed fixture's items (archive records, no ids, no import timestamps), or with
    `site` the backup's: everything, ids kept, so that the public URLs (/events/<id>/) and
    the admin history's links to records are the same after a restore."""
    items = []
    for model in (*SITE_MODELS, *MODELS) if site else MODELS:
        queryset = model._default_manager.order_by("pk")
        data = serializers.serialize(
            "python", queryset, use_natural_foreign_keys=True, use_natural_primary_keys=not site
        )
        for item in data:
            if not site:
                item["fields"] = {k: v for k, v in item["fields"].items() if k not in VOLATILE}
            items.append(item)
    return items


class Command(BaseCommand):
    help = (
        "Export the whole site as JSON with natural keys (loads into an empty, migrated "
        "database): the archive, accounts, groups and the admin history."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write; standard output if omitted.")
        parser.add_argument(
            "--reviewed-fixture",
            action="store_true",
            help="Only the archive's records, without import timestamps (fixtures/archive.json).",
        )

    def handle(self, *args, **options):
        items = export(site=not options["reviewed_fixture"])
        text = json.dumps(items, ensure_ascii=False, indent=2, default=str) + "\n"
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"Wrote {options['output']}."))
        else:
            self.stdout.write(text, ending="")
