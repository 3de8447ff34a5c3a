"""Field-by-field comparison of an extraction with one written out by hand."""

from archive.text import canonical, fold

EVENT_FIELDS = ("title", "kind", "date", "period", "place", "province")


def label_matches(expected, actual):
    """An extracted label must hold every word of the expected one (it may say more)."""
    actual_words = set(fold(actual).replace(",", " ").split())
    return all(word in actual_words for word in fold(expected).replace(",", " ").split())


def differences(expected, actual):
    """Every disagreement, as readable lines; an empty list means the extraction is right."""
    problems = []
    for field in ("title", "published", "byline"):
        if field in expected and expected[field] != actual.get(field):
            problems.append(
                f"article {field}: expected {expected[field]!r}, got {actual.get(field)!r}"
            )
    if captions(expected) != captions(actual):
        problems.append(f"captions: expected {expected['captions']!r}, got {actual['captions']!r}")
    if len(expected["events"]) != len(actual["events"]):
        return [*problems, f"{len(actual['events'])} events, expected {len(expected['events'])}"]
    for want, got in zip(expected["events"], actual["events"], strict=True):
        problems += event_differences(want, got)
    return problems


def captions(article):
    return sorted(c.rstrip(" .") for c in article.get("captions", []))


def event_differences(want, got):
    problems = []
    for field in EVENT_FIELDS:
        if want.get(field) != got.get(field):
            problems.append(f"event {field}: expected {want.get(field)!r}, got {got.get(field)!r}")
    problems += participant_differences(want["participants"], got["participants"])
    if set(want["organisations"]) != set(got["organisations"]):
        missing = set(want["organisations"]) - set(got["organisations"])
        extra = set(got["organisations"]) - set(want["organisations"])
        problems.append(f"organisations: missing {sorted(missing)}, unexpected {sorted(extra)}")
    problems += list_differences("award", want["awards"], got["awards"], award_key, AWARD_FIELDS)
    problems += statistic_differences(want["statistics"], got["statistics"])
    return problems


def participant_differences(want, got):
    problems = []
    got_by_name = {canonical(p["name"]): p for p in got}
    for person in want:
        found = got_by_name.pop(canonical(person["name"]), None)
        if found is None:
            problems.append(f"participant missing: {person['name']}")
            continue
        for field in ("rank", "titles", "roles"):
            if person[field] != found[field]:
                problems.append(
                    f"{person['name']} {field}: expected {person[field]!r}, got {found[field]!r}"
                )
    problems += [f"unexpected participant: {name}" for name in got_by_name]
    return problems


AWARD_FIELDS = ("kind", "giver", "collectives", "individuals")


def award_key(award):
    return tuple(award[field] for field in AWARD_FIELDS)


def list_differences(what, want, got, key, fields):
    want_keys = [key(item) for item in want]
    got_keys = [key(item) for item in got]
    problems = [f"{what} missing: {k}" for k in want_keys if k not in got_keys]
    problems += [f"unexpected {what}: {k}" for k in got_keys if k not in want_keys]
    return problems


def statistic_differences(want, got):
    problems = []
    remaining = list(got)
    for figure in want:
        match = next(
            (
                g
                for g in remaining
                if g["value"] == figure["value"]
                and g["unit"] == figure["unit"]
                and g["qualifier"] == figure["qualifier"]
                and label_matches(figure["label"], g["label"])
            ),
            None,
        )
        if match is None:
            problems.append(f"statistic missing: {figure}")
        else:
            remaining.remove(match)
    problems += [f"unexpected statistic: {g}" for g in remaining]
    return problems


def score(expected, actual):
    """(facts read right, facts in all): every event field, participant (found, rank, titles,
    roles), organisation, award and figure expected, plus every unexpected one as a fact wrong.
    A report whose events cannot be paired (one refused, say) has every fact wrong."""
    if len(expected["events"]) != len(actual.get("events", [])):
        return 0, fact_counts(expected)  # no event paired: none of its facts was read
    problems = differences(expected, actual)
    unexpected = sum(line.startswith("unexpected") for line in problems)
    organisations_extra = sum(
        len(line.split("unexpected [", 1)[1].strip("]").split("', '"))
        for line in problems
        if line.startswith("organisations:") and not line.endswith("unexpected []")
    )
    organisations_missing = sum(
        len(line.split("missing [", 1)[1].split("]", 1)[0].split("', '"))
        for line in problems
        if line.startswith("organisations: missing [") and "missing []" not in line
    )
    wrong = (
        sum(
            1
            for line in problems
            if not line.startswith(("unexpected", "organisations", "captions", "article"))
        )
        + organisations_missing
    )
    total = fact_counts(expected) + unexpected + organisations_extra
    return total - wrong - unexpected - organisations_extra, total


def fact_counts(expected):
    """How many facts a hand-written extraction holds."""
    total = 0
    for event in expected["events"]:
        total += len(EVENT_FIELDS) + len(event["organisations"])
        total += 4 * len(event["participants"])
        total += len(event["awards"]) + len(event["statistics"])
    return total


FIELD_ORDER = (
    "people",
    "rank",
    "titles",
    "roles",
    "date",
    "period",
    "kind",
    "province",
    "award counts",
    "statistics",
    "organisations",
)


def field_tallies(expected, actual):
    """(right, out of) per field, to be summed over reports.

    people, award counts, statistics and organisations are matched both ways, so `out of` is
    expected + unexpected items (an F1-like share); rank, titles and roles are judged on the
    people found; the event fields on each expected event. An award is matched by kind and is
    right when its collectives and individuals are both right.
    """
    tallies = {field: [0, 0] for field in FIELD_ORDER}

    def tally(field, right, out_of):
        tallies[field][0] += right
        tallies[field][1] += out_of

    got_events = list(actual.get("events", []))
    for index, want in enumerate(expected["events"]):
        got = got_events[index] if index < len(got_events) else None
        for field in ("date", "period", "kind", "province"):
            tally(field, int(got is not None and want.get(field) == got.get(field)), 1)
        got = got or {"participants": [], "organisations": [], "awards": [], "statistics": []}
        got_people = {canonical(p["name"]): p for p in got["participants"]}
        matched = 0
        for person in want["participants"]:
            found = got_people.pop(canonical(person["name"]), None)
            if found is None:
                continue
            matched += 1
            for field in ("rank", "titles", "roles"):
                tally(field, int(person[field] == found[field]), 1)
        tally("people", 2 * matched, 2 * matched + (len(want["participants"]) - matched))
        tallies["people"][1] += len(got_people)
        want_orgs, got_orgs = set(want["organisations"]), set(got["organisations"])
        tally("organisations", 2 * len(want_orgs & got_orgs), len(want_orgs) + len(got_orgs))
        remaining = list(got["awards"])
        right = 0
        for award in want["awards"]:
            match = next((a for a in remaining if fold(a["kind"]) == fold(award["kind"])), None)
            if match is None:
                continue
            remaining.remove(match)
            if (match["collectives"], match["individuals"]) == (
                award["collectives"],
                award["individuals"],
            ):
                right += 1
        tally("award counts", 2 * right, len(want["awards"]) + len(got["awards"]))
        missing = sum(
            line.startswith("statistic missing")
            for line in statistic_differences(want["statistics"], got["statistics"])
        )
        found_figures = len(want["statistics"]) - missing
        tally(
            "statistics",
            2 * found_figures,
            len(want["statistics"]) + len(got["statistics"]),
        )
    return tallies
