"""Every record's history: who changed which field, from what to what, and when (edits,
merges, imports), and an editor can revert a change."""

from io import StringIO

from django.core.management import call_command

from archive.models import Article, Person
from tests.conftest import ARTICLES
from tests.desk.test_admin import form_data
from tests.factories import ParticipationFactory, PersonFactory


def edit_person(client, person, **changes):
    url = f"/admin/archive/person/{person.pk}/change/"
    data = form_data([client.get(url).context["adminform"].form])
    data.update(changes)
    assert client.post(url, data).status_code == 302


def test_an_edit_is_in_the_history_with_who_what_and_from_what(editor_client, editor):
    person = PersonFactory(full_name="Lò Văn Cũ")
    edit_person(editor_client, person, full_name="Lò Văn Mới", aliases="Lò V. Mới\nLò Văn Moi")
    latest, before = person.history.all()[:2]
    assert latest.history_user == editor
    changes = {c.field: (c.old, c.new) for c in latest.diff_against(before).changes}
    assert changes["full_name"] == ("Lò Văn Cũ", "Lò Văn Mới")
    assert changes["aliases"] == ([], ["Lò V. Mới", "Lò Văn Moi"])
    page = editor_client.get(f"/admin/archive/person/{person.pk}/history/").content.decode()
    assert "Lò Văn Cũ" in page and "Lò Văn Mới" in page and "editor" in page


def test_an_editor_reverts_a_change_from_the_history(editor_client):
    person = PersonFactory(full_name="Lò Văn Cũ")
    edit_person(editor_client, person, full_name="Lò Văn Sai")
    original = person.history.earliest()
    url = f"/admin/archive/person/{person.pk}/history/{original.history_id}/"
    page = editor_client.get(url)
    assert page.status_code == 200
    response = editor_client.post(url, form_data([page.context["adminform"].form]))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Lò Văn Cũ"
    assert person.history.count() == 3


def test_a_merge_is_in_the_history_of_both_records(editor_client, editor):
    kept, twin = PersonFactory(full_name="Hồ Tiến Thiều"), PersonFactory(full_name="Hồ Tiến Thiệu")
    ParticipationFactory(person=twin)
    editor_client.post(
        "/admin/archive/person/",
        {
            "action": "merge_people",
            "_selected_action": [kept.pk, twin.pk],
            "keep": kept.pk,
            "confirm": "yes",
        },
    )
    latest = kept.history.first()
    assert latest.history_user == editor
    assert latest.history_change_reason == "đã gộp vào bản ghi này: Hồ Tiến Thiệu"
    gone = Person.history.filter(id=twin.pk).first()
    assert gone.history_type == "-" and gone.history_user == editor


def test_a_reimport_says_which_hand_edits_it_left_alone(admin_client):
    call_command("ingest", str(ARTICLES / "002_f63c98608b468458.txt"), stdout=StringIO())
    article = Article.objects.get()
    url = f"/admin/archive/article/{article.pk}/change/"
    data = form_data([admin_client.get(url).context["adminform"].form])
    data["title"] = "Tiêu đề do biên tập viên sửa"
    assert admin_client.post(url, data).status_code == 302
    edited = article.history.count()
    call_command("ingest", str(ARTICLES / "002_f63c98608b468458.txt"), stdout=StringIO())
    article.refresh_from_db()
    assert article.title == "Tiêu đề do biên tập viên sửa"
    note = article.history.first()
    assert article.history.count() == edited + 1
    assert (
        note.history_change_reason == "lần nhập lại giữ nguyên trường do biên tập viên sửa: title"
    )


def test_the_history_pages_speak_vietnamese(editor_client):
    person = PersonFactory(full_name="Lò Văn Cũ")
    edit_person(editor_client, person, full_name="Lò Văn Mới")
    page = editor_client.get(f"/admin/archive/person/{person.pk}/history/").content.decode()
    assert "Người sửa" in page and "Thay đổi" in page
    assert "Changed by" not in page and "Revert" not in page
