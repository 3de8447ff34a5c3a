"""The index follows the database: after commit, related documents included, through failures,
concurrent writers and a rebuild killed half-way (the embedded backends: Tantivy and Whoosh)."""

import multiprocessing
import os
import signal
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from archive.models import Person
from archive.search import _backend, get_backend, search
from archive.search.documents import document_for
from archive.search.indexing import all_documents
from tests.conftest import ROOT
from tests.factories import EventFactory, ParticipationFactory, PersonFactory

EMBEDDED = ["tantivy", "whoosh"]


@pytest.fixture(params=EMBEDDED)
def embedded(request, settings):
    """The embedded backend under test (its name), as the configured backend."""
    settings.ARCHIVE_SEARCH_BACKEND = request.param
    return request.param


def fresh_backend(name, index_dir):
    """A backend object of its own, as another process builds it (not the cached one)."""
    return _backend.__wrapped__(name, str(index_dir))


def titles(query):
    return [hit.title for hit in search(query, per_page=50).hits]


@pytest.mark.django_db(transaction=True)
def test_a_save_reaches_the_index_only_when_it_commits(backend_name):
    with transaction.atomic():
        PersonFactory(full_name="Hoàng Văn Kiểm")
        assert "Hoàng Văn Kiểm" not in titles("Hoàng Văn Kiểm")
    assert "Hoàng Văn Kiểm" in titles("hoang van kiem")

    with pytest.raises(RuntimeError), transaction.atomic():
        PersonFactory(full_name="Lò Văn Hủy")
        raise RuntimeError("rolled back")
    assert "Lò Văn Hủy" not in titles("lo van huy")


@pytest.mark.django_db(transaction=True)
def test_renaming_a_person_updates_the_events_that_show_the_name(backend_name):
    participation = ParticipationFactory(person__full_name="Vi Văn Cũ", event__title="Hội nghị A")
    assert "Hội nghị A" in titles("Vi Văn Cũ")
    person = participation.person
    person.full_name = "Vi Văn Mới"
    person.save()
    assert "Hội nghị A" in titles("Vi Văn Mới")
    assert "Vi Văn Mới" in titles("Vi Văn Mới")
    assert "Vi Văn Cũ" not in titles("Cũ")  # the person's old name; the event keeps it as written


@pytest.mark.django_db(transaction=True)
def test_deleting_removes_the_document_and_updates_related_ones(backend_name):
    event = EventFactory(title="Hội nghị sẽ bị xoá")
    ParticipationFactory(event=event, person__full_name="Mạc Văn Xoá")
    assert "Hội nghị sẽ bị xoá" in titles("xoá")
    event.delete()
    assert "Hội nghị sẽ bị xoá" not in titles("xoá")
    assert "Mạc Văn Xoá" in titles("Mạc Văn Xoá")


@pytest.mark.django_db(transaction=True)
def test_a_failed_index_write_keeps_the_database_write_and_check_index_reports_it(
    backend_name, monkeypatch
):
    backend = get_backend()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(backend, "apply", broken)
    PersonFactory(full_name="Đinh Văn Lưu")
    assert Person.objects.filter(full_name="Đinh Văn Lưu").exists()
    with pytest.raises(CommandError, match="1 missing"):
        call_command("check_index", stdout=StringIO())
    monkeypatch.undo()
    call_command("rebuild_index", stdout=StringIO())
    call_command("check_index", stdout=StringIO())


def write_batch(name, directory, documents):
    backend = fresh_backend(name, directory)
    for document in documents:
        backend.update([document])


@pytest.mark.django_db(transaction=True)
def test_four_processes_writing_at_once_lose_nothing(settings, embedded):
    people = [PersonFactory.build(full_name=f"Trịnh Văn Số {n}") for n in range(40)]
    with transaction.atomic():
        for person in people:
            person.save()
    get_backend().rebuild([])  # an empty index: every document must come from the writers
    documents = [document_for(p) for p in Person.objects.order_by("pk")]
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(
            target=write_batch, args=(embedded, settings.ARCHIVE_INDEX_DIR, documents[i::4])
        )
        for i in range(4)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    call_command("check_index", stdout=StringIO())


def slow_rebuild(name, directory, documents):
    def trickle():
        for document in documents:
            time.sleep(0.05)
            yield document

    fresh_backend(name, directory).rebuild(trickle())


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_killed_half_way_leaves_the_previous_index_answering(settings, embedded):
    PersonFactory(full_name="Quách Văn Cũ")
    backend = get_backend()
    backend.rebuild(all_documents())
    documents = list(all_documents()) * 40
    context = multiprocessing.get_context("fork")
    worker = context.Process(
        target=slow_rebuild, args=(embedded, settings.ARCHIVE_INDEX_DIR, documents)
    )
    worker.start()
    time.sleep(1.0)
    os.kill(worker.pid, signal.SIGKILL)
    worker.join(10)
    assert worker.exitcode == -signal.SIGKILL
    assert len(list(backend.root.glob("gen-*"))) == 2  # the killed one's, half-built
    assert "Quách Văn Cũ" in titles("quach van cu")
    backend.rebuild(all_documents())
    generations = [p.name for p in backend.root.glob("gen-*")]
    assert len(generations) == 1
    call_command("check_index", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_a_write_during_a_rebuild_is_kept_for_after_it(embedded):
    backend = get_backend()
    backend.lock_wait = 0.3
    backend.rebuild([])
    with backend.write_lock(wait=True, name="write.lock"):
        PersonFactory(full_name="Tạ Văn Chờ")  # its index write cannot take the lock
    assert (backend.root / "pending").exists()
    assert backend.pending_ids()
    backend.rebuild([])  # applies what was pending before it swaps
    assert "Tạ Văn Chờ" in titles("Tạ Văn Chờ")
    assert backend.pending_ids() == []


@pytest.mark.django_db(transaction=True)
def test_a_write_while_a_rebuild_builds_is_applied_before_the_swap(embedded):
    backend = get_backend()
    backend.rebuild([])
    with backend.write_lock(wait=True, name="rebuild.lock"):
        PersonFactory(full_name="Tạ Văn Giữa")  # written to the old index and kept pending
        assert backend.pending_ids()
    backend.rebuild([])
    assert "Tạ Văn Giữa" in titles("Tạ Văn Giữa")


@pytest.mark.django_db(transaction=True)
def test_links_and_parents_keep_the_index_true(backend_name):
    from archive.models import Article, Organisation
    from tests.factories import ArticleFactory, OrganisationFactory

    parent = OrganisationFactory(name="Quân khu 9")
    OrganisationFactory(name="Bộ Chỉ huy Quân sự tỉnh Cà Mau", parent=parent)
    event = EventFactory()
    article = ArticleFactory()
    event.articles.add(article)
    event.organisations.add(parent)
    parent.name = "Quân khu 9 (đổi tên)"
    parent.save()
    event.articles.remove(article)
    Article.objects.get(pk=article.pk).events.clear()
    assert Organisation.objects.count() == 2
    call_command("check_index", stdout=StringIO())


@pytest.mark.parametrize("rebuild_from", [1, 10**9], ids=["rebuilt", "applied"])
@pytest.mark.django_db(transaction=True)
def test_a_bulk_ingest_leaves_a_complete_index(
    article_paths, monkeypatch, rebuild_from, backend_name
):
    """`ingest` writes the index once at the end: anew when most of it changed, else the
    changed documents only. Either way check_index finds nothing missing or stale."""
    from archive.ingest.pipeline import ingest_paths
    from archive.search import indexing

    monkeypatch.setattr(indexing, "REBUILD_FROM", rebuild_from)
    calls = []
    backend = get_backend()
    for name in ("rebuild", "apply"):
        original = getattr(backend, name)
        monkeypatch.setattr(
            backend, name, lambda *a, _f=original, _n=name: calls.append(_n) or _f(*a)
        )
    with indexing.deferred():
        results = list(ingest_paths(article_paths, batch_size=2, workers=1))
        assert not calls  # nothing written while the ingest runs
    assert {r.status for r in results} == {"new"}
    assert calls == (["rebuild"] if rebuild_from == 1 else ["apply"])
    call_command("check_index", stdout=StringIO())
    assert "Nguyễn Đăng Bình" in titles("nguyen dang binh")


@pytest.mark.django_db(transaction=True)
def test_an_unchanged_document_is_not_written_again(monkeypatch, embedded):
    person = PersonFactory(full_name="Tòng Văn Giữ")
    written = []
    kind = type(get_backend())
    original = kind.write

    def spy(self, path, documents, removed):
        written.extend(d.doc_id for d in documents)
        return original(self, path, documents, removed)

    monkeypatch.setattr(kind, "write", spy)
    person.save()  # nothing the index shows changed
    assert written == []
    person.aliases = ["Tòng Giữ"]
    person.save()
    assert written == [f"person:{person.pk}"]
    call_command("check_index", stdout=StringIO())


@pytest.mark.parametrize("name", EMBEDDED)
def test_facets_are_counted_over_every_segment(tmp_path, name):
    """Two writes, two segments, the first without some facets (Whoosh then has no column for
    them in it; counting over all segments at once would give the person the event's kind)."""
    from archive.search import query
    from archive.search.documents import SearchDocument

    backend = fresh_backend(name, tmp_path)
    person = SearchDocument(
        doc_id="person:1", type="person", obj_id=1, title="Lê Văn Tám", url="/p/1",
        texts={"A": "Lê Văn Tám", "B": "hội nghị"}, people=["le-van-tam"],
    )  # fmt: skip
    event = SearchDocument(
        doc_id="event:2", type="event", obj_id=2, title="Hội nghị", url="/e/2",
        texts={"A": "Hội nghị"}, kind="tong_ket", award_kinds=["bang_khen"],
        people=["le-van-tam"],
    )  # fmt: skip
    backend.rebuild([person])
    backend.update([event])
    if name == "whoosh":
        assert len(backend.searcher().leaf_searchers()) == 2
    else:
        assert backend.searcher().num_segments == 2
    facets = ("type", "kind", "person", "award_kind")
    counted = backend.search(query.parse("hội nghị"), facets=facets).facets
    assert counted == {
        "type": [("event", 1), ("person", 1)],
        "kind": [("tong_ket", 1)],
        "person": [("le-van-tam", 2)],
        "award_kind": [("bang_khen", 1)],
    }


def hold_the_write_lock(name, directory, signal_file):
    backend = fresh_backend(name, directory)
    with backend.write_lock(wait=True):
        signal_file.write_text("held")
        time.sleep(60)


def a_person(obj_id, full_name):
    from archive.search.documents import SearchDocument

    return SearchDocument(
        doc_id=f"person:{obj_id}", type="person", obj_id=obj_id, title=full_name,
        url=f"/p/{obj_id}", texts={"A": full_name},
    )  # fmt: skip


@pytest.mark.django_db
def test_a_writer_killed_holding_the_lock_leaves_no_stale_lock(settings, embedded, tmp_path):
    from archive.search.backends.base import IndexUnavailable

    backend = get_backend()
    backend.lock_wait = 0.2
    backend.rebuild([])
    held = tmp_path / "held"
    context = multiprocessing.get_context("fork")
    worker = context.Process(
        target=hold_the_write_lock, args=(embedded, settings.ARCHIVE_INDEX_DIR, held)
    )
    worker.start()
    deadline = time.monotonic() + 30
    while not held.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    with pytest.raises(IndexUnavailable):
        backend.update([a_person(1, "Lục Văn Chặn")])
    os.kill(worker.pid, signal.SIGKILL)
    worker.join(10)
    backend.update([a_person(1, "Lục Văn Chặn")])  # at once: the kernel released the lock
    assert "Lục Văn Chặn" in titles("luc van chan")


def write_one(name, directory, document):
    fresh_backend(name, directory).update([document])


@pytest.mark.django_db
def test_tantivy_readers_see_another_process_commit_without_reopening(settings):
    settings.ARCHIVE_SEARCH_BACKEND = "tantivy"
    backend = get_backend()
    backend.rebuild([])
    index = backend.index()
    assert "Lục Văn Xa" not in titles("luc van xa")
    context = multiprocessing.get_context("fork")
    worker = context.Process(
        target=write_one,
        args=("tantivy", settings.ARCHIVE_INDEX_DIR, a_person(2, "Lục Văn Xa")),
    )
    worker.start()
    worker.join(60)
    assert worker.exitcode == 0
    assert "Lục Văn Xa" in titles("luc van xa")  # the next search sees the commit …
    assert backend.index() is index  # … through the same Index, reloaded


@pytest.mark.django_db(transaction=True)
def test_documents_built_by_other_processes_are_those_built_here(monkeypatch):
    from django.db import connection

    from archive.search import indexing

    if connection.vendor != "postgresql":
        pytest.skip("other processes cannot read the in-memory SQLite test database")
    call_command("loaddata", str(ROOT / "fixtures" / "archive.json"), verbosity=0)
    monkeypatch.setattr(indexing, "SHARED_FROM", 0)
    monkeypatch.setattr(indexing, "CHUNK", 7)  # several slices per model, kept in order
    here = list(indexing.serial_documents())
    shared = indexing.all_documents(workers=2)
    assert shared.__name__ == "built_in"
    assert [d.fingerprint for d in shared] == [d.fingerprint for d in here]
    assert len(here) > 7


@pytest.mark.django_db(transaction=True)
def test_documents_are_built_here_inside_a_transaction(monkeypatch):
    from archive.search import indexing

    monkeypatch.setattr(indexing, "SHARED_FROM", 0)
    with transaction.atomic():
        PersonFactory(full_name="Chu Văn Mới")
        documents = indexing.all_documents(workers=2)
        assert documents.__name__ == "serial_documents"
        assert "Chu Văn Mới" in [d.title for d in documents]
