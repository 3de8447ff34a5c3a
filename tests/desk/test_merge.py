"""Merging duplicates: its own permission, a clear message on bad input, the candidates with
what each holds, and old addresses that lead to the survivor."""

import pytest
from django.contrib.auth.models import Permission, User

from archive.models import MergedSlug, Organisation, Person
from tests.factories import (
    AwardFactory,
    EventFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
)

PEOPLE = "/admin/archive/person/"
ORGANISATIONS = "/admin/archive/organisation/"


def merge(client, url, selected, keep, action="merge_people"):
    data = {"action": action, "_selected_action": [r.pk for r in selected], "confirm": "yes"}
    if keep is not None:
        data["keep"] = keep
    return client.post(url, data)


@pytest.fixture
def twins(db):
    fuller = PersonFactory(full_name="Hồ Tiến Thiều")
    thinner = PersonFactory(full_name="Hồ Tiến Thiệu")
    for role in ("presided", "presented"):
        ParticipationFactory(person=fuller, role=role, titles=["Chủ tịch UBND tỉnh"])
    ParticipationFactory(person=fuller, titles=["Phó Chủ tịch UBND tỉnh"])
    ParticipationFactory(person=thinner)
    return fuller, thinner


def test_changing_people_is_not_enough_to_merge_them(client, twins):
    """Merging deletes: a staff member who may change people but not merge them cannot."""
    user = User.objects.create_user("clerk", password="a-long-password-1", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["view_person", "change_person"])
    )
    client.force_login(user)
    fuller, thinner = twins
    merge(client, PEOPLE, twins, fuller.pk)
    assert Person.objects.filter(pk=thinner.pk).exists()
    page = client.get(PEOPLE).content.decode()
    assert "merge_people" not in page


def test_the_editor_group_may_merge(editor_client, twins):
    fuller, _thinner = twins
    assert merge(editor_client, PEOPLE, twins, fuller.pk).status_code == 302
    assert list(Person.objects.values_list("pk", flat=True)) == [fuller.pk]


@pytest.mark.parametrize("keep", [None, "", "not-a-number", "foreign"])
def test_a_missing_or_foreign_keep_is_a_message_and_nothing_is_merged(admin_client, twins, keep):
    if keep == "foreign":
        keep = PersonFactory(full_name="Người Ngoài Cuộc").pk
    response = merge(admin_client, PEOPLE, twins, keep)
    assert response.status_code == 200
    assert "Hãy chọn bản ghi giữ lại" in response.content.decode()
    assert Person.objects.filter(pk__in=[p.pk for p in twins]).count() == 2


def test_the_merge_screen_shows_what_each_holds_and_preselects_the_fuller(admin_client, twins):
    fuller, thinner = twins
    response = admin_client.post(
        PEOPLE, {"action": "merge_people", "_selected_action": [thinner.pk, fuller.pk]}
    )
    assert response.status_code == 200
    counts = {c.record.pk: (c.events, c.titles, c.awards) for c in response.context["candidates"]}
    assert counts == {fuller.pk: (3, 2, 1), thinner.pk: (1, 1, 0)}
    html = response.content.decode()
    assert f'value="{fuller.pk}" checked' in html
    assert f'value="{thinner.pk}" checked' not in html
    assert 'class="button cancel-link"' in html


def test_the_merged_address_answers_301_to_the_survivor(admin_client, client, twins):
    fuller, thinner = twins
    old = thinner.get_absolute_url()
    merge(admin_client, PEOPLE, twins, fuller.pk)
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == fuller.get_absolute_url()
    assert client.get("/people/never-existed/").status_code == 404


def test_a_merged_slug_is_never_given_to_a_new_record(admin_client, twins):
    fuller, thinner = twins
    merge(admin_client, PEOPLE, twins, fuller.pk)
    again = PersonFactory(full_name=thinner.full_name)
    assert again.slug != thinner.slug


def test_merging_a_survivor_again_keeps_old_addresses_one_hop_away(admin_client, client, twins):
    fuller, thinner = twins
    merge(admin_client, PEOPLE, twins, fuller.pk)
    third = PersonFactory(full_name="Hồ Tiến Thiêu")
    merge(admin_client, PEOPLE, [fuller, third], third.pk)
    for old in (thinner.slug, fuller.slug):
        response = client.get(f"/people/{old}/")
        assert response.status_code == 301
        assert response["Location"] == third.get_absolute_url()


def test_merging_organisations_redirects_and_needs_its_permission(admin_client, client):
    kept, twin = OrganisationFactory(name="Bộ CHQS tỉnh"), OrganisationFactory(name="Bộ CHQS Tỉnh")
    EventFactory().organisations.add(kept)
    AwardFactory(giver_organisation=twin)
    response = merge(admin_client, ORGANISATIONS, [kept, twin], kept.pk, "merge_organisations")
    assert response.status_code == 302
    assert list(Organisation.objects.values_list("pk", flat=True)) == [kept.pk]
    assert kept.awards_given.count() == 1
    moved = client.get(f"/organisations/{twin.slug}/")
    assert moved.status_code == 301 and moved["Location"] == kept.get_absolute_url()
    assert MergedSlug.objects.survivor(Organisation, twin.slug) == kept
