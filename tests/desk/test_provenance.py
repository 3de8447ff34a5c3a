"""Every fact keeps its sentence and says how surely it was read, through the review screen as
through `ingest`: weak readings first on the review, reviewed once confirmed, found by the
admin's filter while they wait."""

from io import StringIO

from django.core.management import call_command

from archive.models import Article, Award, Event, Participation, Statistic
from tests.conftest import ARTICLES
from tests.desk.test_admin import BODY, IMPORT_URL, confirm_data, form_data
from tests.desk.test_importing import paste

FILE = ARTICLES / "002_f63c98608b468458.txt"
# A written variant: a guest named after a title alone, no "đồng chí", no rank: a weak reading.
GUESSED = "Chủ tịch UBND huyện Ngân Sơn Hoàng Văn Mạnh dự hội nghị."
VARIANT = BODY.replace("chủ trì hội nghị.\n", f"chủ trì hội nghị. {GUESSED}\n", 1)


def shown(formset, field):
    return [f.initial[field] for f in formset.forms if f.initial]


def test_the_review_lists_weak_readings_first_with_their_sentence(admin_client):
    response = paste(admin_client, VARIANT)
    people, figures = response.context["people"], response.context["figures"]
    assert shown(people, "name")[0] == "Hoàng Văn Mạnh"
    assert shown(people, "weak") == [True, False, False]
    assert shown(people, "sentence")[0] == GUESSED
    # "… được 587 lần": the label is taken from the clause before; read second, shown first.
    assert shown(figures, "unit")[0] == "lần"
    assert shown(figures, "weak") == [True, False, False, False]
    html = response.content.decode()
    assert html.index("Hoàng Văn Mạnh") < html.index("Nguyễn Hồng Thái")
    assert "Đọc theo mẫu yếu — cần kiểm tra:" in html
    assert "2 dữ kiện được đọc theo mẫu yếu" in html
    assert f'<q class="sentence">{GUESSED}</q>' in html


def test_confirming_saves_each_sentence_and_reviews_what_the_editor_checked(admin_client):
    response = paste(admin_client, VARIANT)
    assert shown(response.context["people"], "reviewed") == [False, True, True]
    assert admin_client.post(IMPORT_URL, confirm_data(response)).status_code == 302
    text = " ".join(VARIANT.split())
    for model in (Participation, Award, Statistic):
        rows = list(model.objects.all())
        assert rows and all(r.source_sentence and r.source_sentence in text for r in rows), model
        assert all(row.reviewed == (row.confidence == "strong") for row in rows), model
    guessed = Participation.objects.get(name_as_written="Hoàng Văn Mạnh")
    assert (guessed.source_sentence, guessed.confidence) == (GUESSED, "weak")
    assert "Bằng khen cho 5 tập thể" in Award.objects.get(name="Bằng khen").source_sentence
    # Order of mention and keys are those of `ingest`, whatever order the review showed.
    figure = Statistic.objects.get(unit="lần")
    assert (figure.order, figure.key.endswith("#s1"), figure.confidence) == (1, True, "weak")
    assert [p.name_as_written for p in Participation.objects.order_by("order")][-1] == (
        "Hoàng Văn Mạnh"
    )
    # The weak readings left unticked wait for review: the filter finds the event.
    listed = admin_client.get("/admin/archive/event/", {"weak": "yes"}).context["cl"]
    assert list(listed.queryset) == [Event.objects.get()]


def test_a_weak_fact_ticked_or_corrected_on_the_review_is_reviewed(admin_client):
    response = paste(admin_client, VARIANT)
    # people-0 is the guessed guest, figures-0 the figure labelled from the clause before.
    data = confirm_data(response, **{"people-0-reviewed": "on", "figures-0-label": "tuyên truyền"})
    assert admin_client.post(IMPORT_URL, data).status_code == 302
    assert Participation.objects.get(name_as_written="Hoàng Văn Mạnh").reviewed
    figure = Statistic.objects.get(unit="lần")
    assert (figure.label, figure.reviewed, figure.edited_fields) == (
        "tuyên truyền",
        True,
        ["label"],
    )
    assert not Event.objects.with_unreviewed_weak_facts().exists()


def test_the_sentence_comes_from_the_server_not_the_form(admin_client):
    response = paste(admin_client, BODY)
    forged = {"figures-0-sentence": "forged", "figures-0-source_sentence": "forged"}
    forged |= {"figures-0-confidence": "strong", "people-0-sentence": "forged"}
    admin_client.post(IMPORT_URL, confirm_data(response, **forged))
    assert not Statistic.objects.filter(source_sentence="forged").exists()
    assert not Participation.objects.filter(source_sentence="forged").exists()
    assert Statistic.objects.get(unit="lần").confidence == "weak"


def test_a_row_added_on_the_review_is_the_editors_and_survives_reimport(admin_client):
    response = paste(admin_client, FILE.read_text(encoding="utf-8"))  # the header gives its key
    added = {
        "figures-4-keep": "on",
        "figures-4-label": "dân quân tự vệ được huấn luyện",
        "figures-4-value": "1200",
        "figures-4-unit": "dân quân",
    }
    data = confirm_data(response, **added, **{"awards-0-collectives": "6"})
    assert admin_client.post(IMPORT_URL, data).status_code == 302
    call_command("ingest", str(FILE), stdout=StringIO())
    assert Award.objects.get(name="Bằng khen").collectives == 6  # corrected on the review
    figure = Statistic.objects.get(label="dân quân tự vệ được huấn luyện")
    assert (figure.reviewed, figure.source_sentence) == (True, "")


def test_the_filter_finds_events_and_articles_with_unreviewed_weak_facts(admin_client):
    call_command("ingest", str(ARTICLES), stdout=StringIO())
    event = Event.objects.get(articles__key=FILE.stem)
    listed = admin_client.get("/admin/archive/event/", {"weak": "yes"})
    assert "Còn dữ kiện yếu chưa duyệt" in listed.content.decode()
    weak_events = set(listed.context["cl"].queryset)
    assert event in weak_events
    assert weak_events == set(Event.objects.with_unreviewed_weak_facts())
    assert weak_events != set(Event.objects.all())  # some events hold only strong readings
    articles = admin_client.get("/admin/archive/article/", {"weak": "yes"}).context["cl"]
    assert FILE.stem in {a.key for a in articles.queryset}
    # Reviewing the weak figure on its own page takes the event off the list.
    figure = Statistic.objects.get(event=event, confidence="weak", reviewed=False)
    url = f"/admin/archive/statistic/{figure.pk}/change/"
    page = admin_client.get(url)
    assert figure.source_sentence in page.content.decode()
    assert "source_sentence" not in page.context["adminform"].form.fields  # read-only
    assert admin_client.post(url, form_data([page.context["adminform"].form])).status_code == 302
    figure.refresh_from_db()
    assert figure.reviewed and "reviewed" not in figure.edited_fields
    remaining = admin_client.get("/admin/archive/event/", {"weak": "yes"}).context["cl"]
    assert event not in set(remaining.queryset)  # its one weak reading was that figure
    others = admin_client.get("/admin/archive/event/", {"weak": "no"}).context["cl"]
    assert event in set(others.queryset)
    # A re-import confirms nothing and undoes no review.
    call_command("ingest", str(FILE), stdout=StringIO())
    figure.refresh_from_db()
    assert figure.reviewed


def test_fact_lists_filter_by_confidence_and_review(admin_client):
    call_command("ingest", str(FILE), stdout=StringIO())
    weak = admin_client.get("/admin/archive/statistic/", {"confidence__exact": "weak"})
    assert {s.unit for s in weak.context["cl"].queryset} == {"lần"}
    unreviewed = admin_client.get("/admin/archive/award/", {"reviewed__exact": "0"})
    assert unreviewed.context["cl"].queryset.count() == Award.objects.count()
    for url in ("/admin/archive/participation/", "/admin/archive/award/"):
        html = admin_client.get(url).content.decode()
        assert "độ tin cậy" in html.lower() and "đã duyệt" in html.lower()
    event = Event.objects.get()
    html = admin_client.get(f"/admin/archive/event/{event.pk}/change/").content.decode()
    assert "587 lần" in html  # each inline row shows its sentence


def test_the_review_action_marks_facts_reviewed(admin_client):
    call_command("ingest", str(FILE), stdout=StringIO())
    ids = [str(pk) for pk in Statistic.objects.values_list("pk", flat=True)]
    admin_client.post(
        "/admin/archive/statistic/", {"action": "mark_reviewed", "_selected_action": ids}
    )
    assert set(Statistic.objects.values_list("reviewed", flat=True)) == {True}
    assert Article.objects.with_unreviewed_weak_facts().count() == 0
