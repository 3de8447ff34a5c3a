"""The synthetic reports used by benchmarks are deterministic and read as intended."""

from archive.ingest.parser import parse_text
from devtools.synthetic import generate


def test_same_seed_same_reports():
    assert list(generate(5, seed=3)) == list(generate(5, seed=3))
    assert list(generate(5, seed=3)) != list(generate(5, seed=4))


def test_synthetic_reports_parse_into_events_people_awards_and_figures():
    for name, text in generate(40, seed=7):
        event = parse_text(text, name=name).events[0]
        assert event.date and event.period and event.province
        assert len(event.participants) >= 3
        assert {"presided"} <= {r for p in event.participants for r in p.roles}
        assert len(event.awards) == 2 and len(event.statistics) >= 3
