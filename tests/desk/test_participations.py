"""The event's participants in the admin: one row per person, the roles as checkboxes."""

import pytest

from archive.models import Participation
from tests.desk.test_admin import form_data
from tests.factories import EventFactory, ParticipationFactory, PersonFactory


@pytest.fixture
def event_with_roles(db):
    event = EventFactory()
    person = PersonFactory(full_name="Hồ Tiến Thiều")
    rows = {
        role: ParticipationFactory(
            event=event, person=person, role=role, key=f"{event.key}#p:{person.slug}:{role}"
        )
        for role in ("presided", "spoke", "attended")
    }
    other = ParticipationFactory(event=event, role="attended", titles=["Chỉ huy trưởng"])
    return event, person, rows, other


def change_page(client, event):
    url = f"/admin/archive/event/{event.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    return url, page


def participants_formset(page):
    return next(
        f.formset for f in page.context["inline_admin_formsets"] if f.opts.model is Participation
    )


def posted(page, **changes):
    formsets = [f.formset for f in page.context["inline_admin_formsets"]]
    data = form_data([page.context["adminform"].form], formsets)
    data.update(changes)
    return data


def test_one_row_per_person_with_the_roles_ticked(admin_client, event_with_roles):
    event, person, _rows, _other = event_with_roles
    _url, page = change_page(admin_client, event)
    forms = participants_formset(page).forms
    mine = [f for f in forms if f.instance.person_id == person.pk]
    assert len(forms) == 2 and len(mine) == 1
    assert sorted(mine[0]["roles"].value()) == ["attended", "presided", "spoke"]


def test_titles_corrected_once_apply_to_every_role_and_roles_follow_the_ticks(
    admin_client, event_with_roles
):
    event, person, rows, other = event_with_roles
    url, page = change_page(admin_client, event)
    form = next(f for f in participants_formset(page).forms if f.instance.person_id == person.pk)
    data = posted(
        page,
        **{
            form.add_prefix("titles"): "Chủ tịch UBND tỉnh\nPhó Bí thư Tỉnh ủy",
            form.add_prefix("roles"): ["presided", "attended", "concluded"],
        },
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    mine = Participation.objects.filter(event=event, person=person)
    assert sorted(mine.values_list("role", flat=True)) == ["attended", "concluded", "presided"]
    assert {tuple(p.titles) for p in mine} == {("Chủ tịch UBND tỉnh", "Phó Bí thư Tỉnh ủy")}
    kept = mine.get(role="presided")
    assert kept.key == rows["presided"].key and "titles" in kept.edited_fields
    assert not Participation.objects.filter(pk=rows["spoke"].pk).exists()
    other.refresh_from_db()
    assert other.titles == ["Chỉ huy trưởng"] and other.edited_fields == []


def test_deleting_the_row_deletes_every_role_of_that_person(admin_client, event_with_roles):
    event, person, _rows, other = event_with_roles
    url, page = change_page(admin_client, event)
    form = next(f for f in participants_formset(page).forms if f.instance.person_id == person.pk)
    response = admin_client.post(url, posted(page, **{form.add_prefix("DELETE"): "on"}))
    assert response.status_code == 302
    assert list(Participation.objects.filter(event=event)) == [other]


def test_a_new_person_with_two_roles_is_two_rows(admin_client, event_with_roles):
    event, *_ = event_with_roles
    newcomer = PersonFactory(full_name="Lò Văn Mới")
    url, page = change_page(admin_client, event)
    formset = participants_formset(page)
    prefix = formset.prefix
    total = int(
        page.context["inline_admin_formsets"][0].formset.management_form["TOTAL_FORMS"].value()
    )
    data = posted(page)
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(total + 1),
            f"{prefix}-{total}-person": str(newcomer.pk),
            f"{prefix}-{total}-roles": ["presided", "spoke"],
            f"{prefix}-{total}-order": "5",
        }
    )
    assert admin_client.post(url, data).status_code == 302
    rows = Participation.objects.filter(event=event, person=newcomer)
    assert sorted(rows.values_list("role", flat=True)) == ["presided", "spoke"]
    assert set(rows.values_list("name_as_written", flat=True)) == {"Lò Văn Mới"}


def test_giving_a_row_the_person_of_another_row_is_a_message(admin_client, event_with_roles):
    event, person, _rows, other = event_with_roles
    url, page = change_page(admin_client, event)
    form = next(f for f in participants_formset(page).forms if f.instance.pk == other.pk)
    response = admin_client.post(url, posted(page, **{form.add_prefix("person"): str(person.pk)}))
    assert response.status_code == 200
    assert "đã có mặt tại sự kiện này" in response.content.decode()
    assert Participation.objects.filter(event=event).count() == 4
