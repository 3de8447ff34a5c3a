"""Loading: atomic, idempotent, in place, and hand edits kept."""

from pathlib import Path

import pytest

from archive.ingest import loader
from archive.ingest.parser import parse_text
from archive.ingest.source import from_text
from archive.models import Article, Award, Event, Organisation, Participation, Person, Statistic

pytestmark = pytest.mark.django_db


def load(path_or_text, name=None):
    text = (
        path_or_text.read_text(encoding="utf-8")
        if hasattr(path_or_text, "read_text")
        else path_or_text
    )
    source = from_text(text, name=name or getattr(path_or_text, "name", None))
    from archive.ingest.parser import parse_source

    return loader.load_article(parse_source(source), source.checksum)


def counts():
    return (
        Article.objects.count(),
        Event.objects.count(),
        Participation.objects.count(),
        Award.objects.count(),
        Person.objects.count(),
    )


def test_loading_twice_changes_nothing(article_paths):
    first = [load(p).status for p in article_paths]
    before = counts()
    second = [load(p).status for p in article_paths]
    assert first == ["new"] * len(article_paths)
    assert second == ["unchanged"] * len(article_paths)
    assert counts() == before


def test_same_person_across_articles_is_one_person(article_paths):
    for path in article_paths:
        load(path)
    person = Person.objects.get(full_name="Nguyễn Đăng Bình")
    assert person.participations.values("event").distinct().count() == 3


def test_people_who_share_a_given_name_stay_apart(article_paths):
    for path in article_paths:
        load(path)
    tuans = Person.objects.filter(full_name__endswith="Tuấn").values_list("full_name", flat=True)
    assert sorted(tuans) == ["Lê Anh Tuấn", "Đỗ Văn Tuấn"]


def test_participation_keeps_rank_titles_and_sentence(article_paths):
    load(article_paths[0])
    participation = Participation.objects.get(name_as_written="Lê Anh Tuấn", role="attended")
    assert participation.rank == "Thiếu tướng"
    assert participation.titles == ["Phó Tư lệnh Quân khu 1"]
    assert "Dự hội nghị có Thiếu tướng Lê Anh Tuấn" in participation.source_sentence


def test_edited_article_updates_in_place(article_paths):
    path = article_paths[2]
    text = path.read_text(encoding="utf-8")
    first = load(text, name=path.name)
    changed = text.replace("cho 5 tập thể và 10 cá nhân", "cho 7 tập thể và 10 cá nhân")
    second = load(changed, name=path.name)
    assert second.status == "updated"
    assert second.article.pk == first.article.pk
    assert Event.objects.count() == 1
    assert Award.objects.get(name="Bằng khen").collectives == 7


def test_hand_edits_survive_reimport(article_paths):
    path = article_paths[2]
    load(path)
    event = Event.objects.get()
    event.title = "Hội nghị tổng kết QPĐP 2024 (sửa tay)"
    event.mark_edited("title")
    event.save()
    award = Award.objects.get(name="Bằng khen")
    award.individuals = 11
    award.mark_edited("individuals")
    award.save()
    text = path.read_text(encoding="utf-8").replace("cho 5 tập thể", "cho 6 tập thể")
    assert load(text, name=path.name).status == "updated"
    event.refresh_from_db()
    award.refresh_from_db()
    assert event.title == "Hội nghị tổng kết QPĐP 2024 (sửa tay)"
    assert (award.collectives, award.individuals) == (6, 11)


def test_every_fact_row_keeps_its_sentence_and_confidence(article_paths):
    path = article_paths[2]
    load(path)
    text = " ".join(path.read_text(encoding="utf-8").split())
    for model in (Participation, Award, Statistic):
        rows = list(model.objects.all())
        assert rows, model
        assert all(row.source_sentence and row.source_sentence in text for row in rows), model
    award = Award.objects.get(name="Bằng khen")
    assert "Bằng khen cho 5 tập thể và 10 cá nhân" in award.source_sentence
    figure = Statistic.objects.get(unit="lần")
    assert (figure.confidence, figure.reviewed) == ("weak", False)
    assert "587 lần" in figure.source_sentence
    assert set(Award.objects.values_list("confidence", flat=True)) == {"strong"}


def test_a_reimport_keeps_the_review_and_rereads_the_confidence(article_paths):
    path = article_paths[2]
    parsed = parse_text(path.read_text(encoding="utf-8"), name=path.name)
    for fact in parsed.events[0].statistics:
        fact.reviewed = True  # as the desk confirms it
    loader.load_article(parsed, "checksum-1")
    assert set(Statistic.objects.values_list("reviewed", flat=True)) == {True}
    Statistic.objects.filter(unit="lần").update(confidence="strong")
    # A re-import (the parser reviews nothing) of a changed text: the review stays.
    text = path.read_text(encoding="utf-8").replace("587 lần", "588 lần")
    assert load(text, name=path.name).status == "updated"
    figure = Statistic.objects.get(unit="lần")
    assert (figure.value, figure.confidence, figure.reviewed) == (588, "weak", True)
    assert "588 lần" in figure.source_sentence
    assert Event.objects.with_unreviewed_weak_facts().count() == 0


def test_a_batch_stores_sentence_and_confidence_like_one_by_one(article_paths):
    parsed = parse_text(article_paths[2].read_text(encoding="utf-8"), name=article_paths[2].name)
    loader.load_batch([(parsed, "checksum")])
    rows = Statistic.objects.values_list("unit", "confidence", "reviewed", "source_sentence")
    assert ("lần", "weak", False) in [row[:3] for row in rows]
    assert all(row[3] for row in rows)
    assert list(Event.objects.with_unreviewed_weak_facts()) == list(Event.objects.all())
    assert Article.objects.with_unreviewed_weak_facts().count() == 1


def test_a_failure_inside_the_load_leaves_nothing(article_paths, monkeypatch):
    parsed = parse_text(article_paths[2].read_text(encoding="utf-8"), name=article_paths[2].name)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(loader, "statistic_rows", explode)
    with pytest.raises(RuntimeError):
        loader.load_article(parsed, "x" * 64)
    assert counts() == (0, 0, 0, 0, 0)


@pytest.fixture
def all_article_paths(article_paths):
    """The fixtures and every sample and held-out report: many names, organisations, awards."""
    here = Path(__file__).parent
    return [
        *article_paths,
        *sorted(here.glob("samples/*.txt")),
        *sorted(here.glob("heldout/*.txt")),
    ]


def rows():
    """Every loaded row, by key, as plain values (ids of people and organisations as names)."""
    found = {}
    for model in (Article, Event, Participation, Award, Statistic):
        for obj in model.objects.all():
            values = {
                f.name: str(getattr(obj, f.name))
                for f in obj._meta.concrete_fields
                if f.name not in {"id", "imported_at", "updated_at"}
            }
            found[obj.key] = values
    found["people"] = sorted(Person.objects.values_list("full_name", "slug"))
    found["organisations"] = sorted(
        Organisation.objects.values_list("name", "slug", "parent__name")
    )
    found["links"] = sorted(
        Event.articles.through.objects.values_list("event__key", "article__key")
    )
    found["members"] = sorted(
        Event.organisations.through.objects.values_list("event__key", "organisation__name")
    )
    return found


def parsed_articles(paths):
    from archive.ingest.parser import parse_source
    from archive.ingest.source import read_path

    return [(parse_source(s), s.checksum) for s in map(read_path, paths)]


@pytest.mark.django_db(transaction=True)
def test_a_batch_writes_what_one_by_one_writes(all_article_paths):
    items = parsed_articles(all_article_paths)
    for item in items:
        loader.load_article(*item)
    one_by_one = rows()
    for model in (Participation, Award, Statistic, Event, Article, Person, Organisation):
        model.objects.all().delete()

    results = loader.load_batch(items)

    assert [r.status for r in results] == ["new"] * len(items)
    assert rows() == one_by_one
    assert [r.status for r in loader.load_batch(items)] == ["unchanged"] * len(items)


def test_a_batch_syncs_known_articles_and_repeats_one_by_one(all_article_paths):
    first, second, *_ = parsed_articles(all_article_paths)
    loader.load_article(*first)
    results = loader.load_batch([first, second, second])
    assert [r.status for r in results] == ["unchanged", "new", "unchanged"]
    assert Article.objects.count() == 2


def test_a_batch_the_database_refuses_is_loaded_file_by_file(all_article_paths, monkeypatch):
    from django.db import DatabaseError

    from archive.ingest.pipeline import ingest_paths

    def refuse(items):
        Article.objects.create(key="half-written", text="x")
        raise DatabaseError("deadlock")

    monkeypatch.setattr(loader, "insert_articles", refuse)
    results = list(ingest_paths(all_article_paths))
    assert [r.status for r in results] == ["new"] * len(all_article_paths)
    assert not Article.objects.filter(key="half-written").exists()
    assert Article.objects.count() == len(all_article_paths)


@pytest.mark.parametrize("load", ["one", "batch"])
def test_a_name_goes_to_the_same_person_whichever_way_it_loads(article_paths, load):
    """Someone merged earlier (the name is their alias) comes before a later record of that
    very name, in a batch as one by one."""
    merged = Person.objects.create(full_name="Nguyễn Đ. Bình", aliases=["Nguyễn Đăng Bình"])
    Person.objects.create(full_name="Nguyễn Đăng Bình")
    item = parsed_articles(article_paths[:1])[0]
    if load == "one":
        loader.load_article(*item)
    else:
        loader.load_batch([item])
    linked = Participation.objects.filter(name_as_written="Nguyễn Đăng Bình")
    assert linked.exists()
    assert {p.person_id for p in linked} == {merged.pk}


@pytest.mark.parametrize(
    ("model", "field", "old", "new", "links"),
    [
        (Person, "full_name", "Nguyễn Đăng Bình", "Nguyễn Đăng Bính", "participations"),
        (Organisation, "name", "Quân khu 1", "Bộ Tư lệnh Quân khu 1", "events"),
    ],
)
def test_a_renamed_record_keeps_its_links_on_reimport(article_paths, model, field, old, new, links):
    """An editor's rename must not make the next import create the old spelling again."""
    for path in article_paths:
        load(path)
    record = model.objects.get(**{field: old})
    linked = getattr(record, links).count()
    assert linked > 0
    setattr(record, field, new)
    record.mark_edited(field)
    record.save()
    for path in article_paths:
        load(path)
    assert not model.objects.filter(**{field: old}).exists()
    assert not model.objects.filter(slug=f"{record.slug}-2").exists()
    record.refresh_from_db()
    assert getattr(record, field) == new
    assert old in record.aliases
    assert getattr(record, links).count() == linked


def test_renaming_through_update_fields_keeps_the_former_name_too(article_paths):
    load(article_paths[0])
    person = Person.objects.get(full_name="Nguyễn Đăng Bình")
    person.full_name = "Nguyễn Văn Bình"
    person.save(update_fields=["full_name"])
    person.refresh_from_db()
    assert person.aliases == ["Nguyễn Đăng Bình"]
    assert person.folded_name == "nguyen van binh"
    load(article_paths[0])
    assert not Person.objects.filter(folded_name="nguyen dang binh").exists()
    assert person.participations.exists()


@pytest.mark.django_db(transaction=True)
def test_a_person_created_by_another_import_meanwhile_fails_nothing(article_paths, monkeypatch):
    """Two imports name the same new person at once: the other one commits the slug between
    this one's check and its insert. The article is loaded again, and finds that person."""
    from archive.models import people

    real_slug = people.unique_slug
    raced = []

    def unique_slug(model, text):
        slug = real_slug(model, text)
        if not raced:  # the other import, in the gap between the check and the insert
            raced.append(Person.objects.create(full_name=text, slug=slug))
        return slug

    monkeypatch.setattr(people, "unique_slug", unique_slug)
    result = load(article_paths[0])
    assert result.status == "new"
    names = list(Person.objects.values_list("full_name", flat=True))
    assert len(names) == len(set(names))
    assert Person.objects.get(full_name=raced[0].full_name).participations.exists()


@pytest.mark.django_db(transaction=True)
def test_a_batch_that_meets_a_concurrent_writer_is_loaded_again(article_paths, monkeypatch):
    from django.db import OperationalError

    from archive.ingest.parser import parse_source

    sources = [from_text(p.read_text(encoding="utf-8"), name=p.name) for p in article_paths[:2]]
    items = [(parse_source(source), source.checksum) for source in sources]
    real, calls = loader.insert_articles, []

    def locked_once(batch):
        calls.append(len(batch))
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return real(batch)

    monkeypatch.setattr(loader, "insert_articles", locked_once)
    monkeypatch.setattr(loader, "RETRY_PAUSE", 0)
    results = loader.load_batch(items)
    assert calls == [2, 2]
    assert [r.status for r in results] == [loader.NEW, loader.NEW]
    assert Article.objects.count() == 2
