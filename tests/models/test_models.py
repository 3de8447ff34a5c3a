"""Model constraints, names, URLs and a natural-key round trip."""

import json
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from archive.models import Article, Award, Event, Organisation, Participation, Person, Statistic
from tests.factories import (
    ArticleFactory,
    AwardFactory,
    EventFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    StatisticFactory,
)

pytestmark = pytest.mark.django_db


def test_one_participation_per_person_event_and_role():
    participation = ParticipationFactory(role="presided")
    ParticipationFactory(event=participation.event, person=participation.person, role="spoke")
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(
            event=participation.event, person=participation.person, role="presided"
        )


def test_unlinked_names_are_unique_per_event_and_role_too():
    event = EventFactory()
    ParticipationFactory(event=event, person=None, name_as_written="Hoàng Văn X")
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(event=event, person=None, name_as_written="Hoàng Văn X")


def test_participation_needs_someone():
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(person=None, name_as_written="")


def test_period_must_be_ordered():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(period_start=2024, period_end=2019)
    event = EventFactory.build(period_start=2024, period_end=2019)
    with pytest.raises(ValidationError, match="không được trước"):
        event.clean()


def test_a_date_needs_its_precision():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(date_held="2024-01-09", date_precision="")


def test_counts_cannot_be_negative():
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardFactory(collectives=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        StatisticFactory(value=-3)


def test_article_text_cannot_be_empty():
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(text="")
    with pytest.raises(ValidationError):
        ArticleFactory.build(text="   ").clean()


def test_person_gets_folded_name_and_slug():
    person = PersonFactory(full_name="Nguyễn  Đăng Bình")
    assert person.full_name == "Nguyễn Đăng Bình"
    assert person.folded_name == "nguyen dang binh"
    assert person.slug == "nguyen-dang-binh"
    assert PersonFactory(full_name="Nguyễn Đăng Bính").slug == "nguyen-dang-binh-2"


@pytest.mark.parametrize(
    ("factory", "text"),
    [
        (lambda: PersonFactory(full_name="Lê Anh Tuấn"), "Lê Anh Tuấn"),
        (lambda: OrganisationFactory(name="Quân khu 1"), "Quân khu 1"),
        (lambda: EventFactory(title="Hội nghị tổng kết"), "Hội nghị tổng kết"),
        (lambda: ArticleFactory(title="", key="k-1"), "k-1"),
        (lambda: AwardFactory(name="Bằng khen", giver_name="UBND tỉnh"), "Bằng khen — UBND tỉnh"),
        (lambda: StatisticFactory(value=887, qualifier=""), "887 công dân nhập ngũ"),
        (lambda: ParticipationFactory(person__full_name="Lê Anh Tuấn"), "Lê Anh Tuấn — "),
    ],
)
def test_str(factory, text):
    assert str(factory()).startswith(text)


def test_every_public_object_has_a_url_that_answers(client):
    participation = ParticipationFactory()
    objects = [
        participation.event,
        participation.person,
        participation,
        ArticleFactory(),
        OrganisationFactory(),
        AwardFactory(),
        StatisticFactory(),
    ]
    for obj in objects:
        assert client.get(obj.get_absolute_url()).status_code == 200, obj


def dump(**kwargs):
    out = StringIO()
    call_command("dumpdata", "archive", natural_foreign=True, natural_primary=True, stdout=out)
    return out.getvalue()


def same_notation(records):
    """The records of a dump, each timestamp written one way: Django's encoder keeps
    milliseconds and writes a time of fewer than 1 000 microseconds "…07.000Z", which reloads
    as a whole second and is then written "…07Z", the same instant."""
    for record in records:
        for name, value in record["fields"].items():
            if isinstance(value, str) and value.endswith(".000Z"):
                record["fields"][name] = value.removesuffix(".000Z") + "Z"
    return records


def test_dumpdata_loaddata_round_trip_loses_nothing(loaded_archive, tmp_path):
    before = dump()
    counts = [
        m.objects.count()
        for m in (Article, Event, Person, Organisation, Participation, Award, Statistic)
    ]
    assert all(counts)
    path = tmp_path / "backup.json"
    path.write_text(before, encoding="utf-8")
    for model in (Participation, Award, Statistic, Event, Article, Person, Organisation):
        model.objects.all().delete()
    call_command("loaddata", str(path), verbosity=0)
    assert same_notation(json.loads(dump())) == same_notation(json.loads(before))
