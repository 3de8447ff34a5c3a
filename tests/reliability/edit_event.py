"""An editor in the admin, as a process: `python -m tests.reliability.edit_event EVENT_KEY
FIELD VALUE BARRIER_DIR EDITORS`. Opens the event's change form, waits until every editor has
it open (so each form is stale for the others' fields), changes FIELD and saves."""

import sys
import time
from pathlib import Path


def post_data(response):
    """What the browser would send back for the change form as shown, inlines included."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            value = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
            data[form.add_prefix(name)] = value
            if form.fields[name].show_hidden_initial:
                data[form.add_initial_prefix(name)] = value
    return data


def main(key, field, value, barrier, editors):
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.test import Client
    from django.test.utils import setup_test_environment

    from archive.models import Event

    setup_test_environment()
    user, _ = User.objects.get_or_create(
        username=f"editor-{field}", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    url = f"/admin/archive/event/{Event.objects.get(key=key).pk}/change/"
    data = post_data(client.get(url))
    barrier = Path(barrier)
    (barrier / field).touch()
    deadline = time.monotonic() + 120
    while len(list(barrier.iterdir())) < editors and time.monotonic() < deadline:
        time.sleep(0.05)
    data[field] = value
    response = client.post(url, data)
    if response.status_code != 302:
        errors = response.context["adminform"].form.errors if response.context else ""
        sys.exit(f"the save was refused ({response.status_code}): {errors}")
    print("saved", field)


if __name__ == "__main__":
    main(*sys.argv[1:5], int(sys.argv[5]))
