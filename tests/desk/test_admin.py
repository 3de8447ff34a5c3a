"""The editors' desk: paste → review → confirm, merges, permissions, hand edits, throttling."""

from io import StringIO

from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.management import call_command
from django.forms import MultiWidget

from archive.models import Article, Award, Event, Participation, Person
from archive.search import get_backend, search
from archive.search.indexing import all_documents
from tests.conftest import ARTICLES
from tests.factories import EventFactory, ParticipationFactory, PersonFactory

IMPORT_URL = "/admin/archive/article/import/"
BODY = (ARTICLES / "002_f63c98608b468458.txt").read_text(encoding="utf-8").split("---\n", 2)[2]


def value_of(bound_field):
    value = bound_field.value()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return str(value)


def form_data(forms, formsets=()):
    """POST data for forms and formsets exactly as they were rendered."""
    data = {}
    for form in forms:
        for name, field in form.fields.items():
            key = form.add_prefix(name)
            if isinstance(field.widget, MultiWidget):
                parts = field.widget.decompress(form[name].value())
                for index, part in enumerate(parts):
                    data[f"{key}_{index}"] = part.isoformat() if part else ""
                continue
            value = value_of(form[name])
            if value != "":
                data[key] = value
    for formset in formsets:
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = value_of(management[name])
        data_forms = [*formset.forms]
        forms_data = form_data(data_forms)
        data.update(forms_data)
    return data


def review(client):
    response = client.post(IMPORT_URL, {"text": BODY, "action": "extract"})
    assert response.status_code == 200
    return response


def confirm_data(response, **changes):
    context = response.context
    data = form_data(
        [context["article_form"], context["event_form"]],
        [context["people"], context["awards"], context["figures"]],
    )
    data.update(paste=context["paste_token"], action="confirm", **changes)
    return data


def test_paste_review_confirm(admin_client, django_capture_on_commit_callbacks):
    response = review(admin_client)
    assert Article.objects.count() == 0  # nothing saved before confirming
    assert response.context["event_form"].initial["date"].isoformat() == "2024-12-05"
    assert [f.initial["name"] for f in response.context["people"].forms if f.initial] == [
        "Nguyễn Hồng Thái",
        "Nguyễn Đăng Bình",
    ]
    data = confirm_data(response, **{"awards-0-collectives": "6", "event-place": "Hội trường A"})
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = admin_client.post(IMPORT_URL, data)
    event = Event.objects.get()
    assert confirmed.status_code == 302 and confirmed["Location"].endswith(
        f"/event/{event.pk}/change/"
    )
    assert event.place == "Hội trường A"
    assert "place" in event.edited_fields
    assert Award.objects.get(name="Bằng khen").collectives == 6
    assert Participation.objects.filter(
        person__full_name="Nguyễn Đăng Bình", role="presided"
    ).exists()
    assert event.pk in [h.id for h in search("Hội trường A").hits if h.type == "event"]


def test_review_errors_are_shown_in_vietnamese_and_nothing_is_saved(admin_client):
    data = confirm_data(
        review(admin_client),
        **{"event-period_start": "2025", "event-period_end": "2020", "awards-0-individuals": "-3"},
    )
    response = admin_client.post(IMPORT_URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Năm kết thúc không được trước năm bắt đầu." in html
    assert Article.objects.count() == 0


def test_paste_of_nothing_readable(admin_client):
    response = admin_client.post(
        IMPORT_URL, {"text": "Trời hôm nay đẹp. " * 10, "action": "extract"}
    )
    assert "Không đọc được gì" in response.content.decode()
    assert Article.objects.count() == 0
    empty = admin_client.post(IMPORT_URL, {"text": "   ", "action": "extract"})
    assert "Văn bản của bài không được để trống." in empty.content.decode()


def test_possible_duplicate_is_flagged_on_review(admin_client):
    PersonFactory(full_name="Nguyễn Đăng Bính")
    html = review(admin_client).content.decode()
    assert "Có thể trùng với" in html
    assert "Nguyễn Đăng Bính" in html


def test_merge_moves_everything_and_leaves_no_orphan(admin_client):
    kept = PersonFactory(full_name="Nguyễn Đăng Bình")
    twin = PersonFactory(full_name="Nguyễn Đăng Bính", aliases=["N. Đ. Bính"])
    shared_event = EventFactory()
    ParticipationFactory(person=kept, event=shared_event, role="presided")
    ParticipationFactory(person=twin, event=shared_event, role="presided")
    ParticipationFactory(person=twin, event=shared_event, role="spoke")
    ParticipationFactory(person=twin)
    response = admin_client.post(
        "/admin/archive/person/",
        {
            "action": "merge_people",
            "_selected_action": [kept.pk, twin.pk],
            "keep": kept.pk,
            "confirm": "yes",
        },
    )
    assert response.status_code == 302
    assert list(Person.objects.values_list("full_name", flat=True)) == ["Nguyễn Đăng Bình"]
    kept.refresh_from_db()
    assert set(kept.aliases) == {"Nguyễn Đăng Bính", "N. Đ. Bính"}
    assert kept.participations.count() == 3
    assert not Participation.objects.filter(person__isnull=True, name_as_written="").exists()
    assert LogEntry.objects.filter(
        object_id=str(kept.pk), change_message__contains="merged"
    ).exists()


def test_an_editor_cannot_delete_or_manage_users(editor_client):
    person = PersonFactory()
    assert editor_client.get(f"/admin/archive/person/{person.pk}/change/").status_code == 200
    assert (
        editor_client.post(
            f"/admin/archive/person/{person.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert Person.objects.filter(pk=person.pk).exists()
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get(IMPORT_URL).status_code == 200


def test_hand_edits_in_the_admin_survive_reimport(admin_client, tmp_path):
    call_command("ingest", str(ARTICLES), stdout=StringIO())
    article = Article.objects.get(key="002_f63c98608b468458")
    page = admin_client.get(f"/admin/archive/article/{article.pk}/change/")
    data = form_data([page.context["adminform"].form])
    data["title"] = "Tiêu đề do biên tập viên sửa"
    assert (
        admin_client.post(f"/admin/archive/article/{article.pk}/change/", data).status_code == 302
    )
    article.refresh_from_db()
    assert article.edited_fields == ["title"]
    call_command("ingest", str(ARTICLES), stdout=StringIO())
    article.refresh_from_db()
    assert article.title == "Tiêu đề do biên tập viên sửa"


def test_the_index_reflects_admin_edits(admin_client, django_capture_on_commit_callbacks):
    person = PersonFactory(full_name="Lò Văn Cũ")
    get_backend().rebuild(all_documents())
    page = admin_client.get(f"/admin/archive/person/{person.pk}/change/")
    data = form_data([page.context["adminform"].form])
    data["full_name"] = "Lò Văn Mới"
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/archive/person/{person.pk}/change/", data)
    assert [h.title for h in search("lo van moi").hits] == ["Lò Văn Mới"]


def test_admin_search_box_needs_no_diacritics(admin_client, loaded_archive):
    get_backend().rebuild(all_documents())
    html = admin_client.get("/admin/archive/person/", {"q": "nguyen dang binh"}).content.decode()
    assert "Nguyễn Đăng Bình" in html
    assert "Lê Anh Tuấn" not in html


def test_repeated_failed_logins_are_throttled(client, db):
    User.objects.create_superuser("chief", "chief@example.org", "a-long-password-1")
    for _ in range(5):
        client.post("/admin/login/", {"username": "chief", "password": "wrong"})
    locked = client.post("/admin/login/", {"username": "chief", "password": "a-long-password-1"})
    assert locked.status_code == 429


def test_a_merge_is_not_undone_by_reimporting(admin_client, tmp_path):
    call_command("ingest", str(ARTICLES), stdout=StringIO())
    twin = PersonFactory(full_name="Nguyễn Đăng Bính")
    kept = Person.objects.get(full_name="Nguyễn Đăng Bình")
    ParticipationFactory(person=twin)
    admin_client.post(
        "/admin/archive/person/",
        {
            "action": "merge_people",
            "_selected_action": [kept.pk, twin.pk],
            "keep": kept.pk,
            "confirm": "yes",
        },
    )
    text = (ARTICLES / "002_f63c98608b468458.txt").read_text(encoding="utf-8")
    renamed = text.replace(
        "Đồng chí Nguyễn Đăng Bình, Chủ tịch UBND tỉnh Bắc Kạn chủ trì",
        "Đồng chí Nguyễn Đăng Bính, Chủ tịch UBND tỉnh Bắc Kạn chủ trì",
    )
    path = tmp_path / "renamed.txt"
    path.write_text(renamed, encoding="utf-8")
    call_command("ingest", str(path), stdout=StringIO())
    assert Person.objects.filter(folded_name="nguyen dang binh").count() == 1
