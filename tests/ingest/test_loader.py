"""Loading: atomic, idempotent, in place, and hand edits kept."""

import pytest

from archive.ingest import loader
from archive.ingest.parser import parse_text
from archive.ingest.source import from_text
from archive.models import Article, Award, Event, Participation, Person

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


def test_a_failure_inside_the_load_leaves_nothing(article_paths, monkeypatch):
    parsed = parse_text(article_paths[2].read_text(encoding="utf-8"), name=article_paths[2].name)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(loader, "load_statistics", explode)
    with pytest.raises(RuntimeError):
        loader.load_article(parsed, "x" * 64)
    assert counts() == (0, 0, 0, 0, 0)
