"""How surely each fact was read: the rules that make a reading strong or weak, on sentences of
the reports and on written variants of them (docs/extraction.md, "Confidence")."""

import pytest

from archive.ingest.awards import find_awards, headline_awards
from archive.ingest.figures import find_figures
from archive.ingest.parser import parse_text
from archive.ingest.people import find_participants
from devtools.comparison import differences
from tests.conftest import ARTICLES


def confidence_of_people(*sentences):
    return {p.name: p.confidence for p in find_participants(list(sentences))}


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        # Bắc Kạn, 2024 (fixture 002): a rank and the role verb.
        (
            "Trung tướng Nguyễn Hồng Thái, Tư lệnh Quân khu 1 dự và chỉ đạo hội nghị.",
            "Nguyễn Hồng Thái",
            "strong",
        ),
        # "đồng chí" and a verb, no rank.
        (
            "Đồng chí Nguyễn Đăng Bình, Chủ tịch UBND tỉnh chủ trì hội nghị.",
            "Nguyễn Đăng Bình",
            "strong",
        ),
        # A form of address opening the sentence.
        (
            "Ông Nguyễn Tấn Tuân, Chủ tịch UBND tỉnh phát biểu kết luận.",
            "Nguyễn Tấn Tuân",
            "strong",
        ),
        # A name known only by its family name after a title: a guess, even with a verb.
        ("Chủ tịch UBND tỉnh Nguyễn Đăng Bình chủ trì hội nghị.", "Nguyễn Đăng Bình", "weak"),
        # Introduced by a rank but no verb gives a role (Quảng Nam, tuyển sinh 2024).
        ("Thiếu tá Phạm Minh Trí, Trợ lý tuyển sinh Bộ CHQS tỉnh.", "Phạm Minh Trí", "weak"),
    ],
)
def test_participant_confidence(sentence, name, expected):
    assert confidence_of_people(sentence)[name] == expected


def test_a_list_after_a_title_alone_is_weak_in_a_report():
    """Fixture 004: "Dự hội nghị có … Ủy viên Ban Thường vụ Tỉnh ủy Đỗ Thị Minh Hoa": the name
    is guessed after the post; the presiding officer named with his rank is strong."""
    path = next(ARTICLES.glob("004_*.txt"))
    event = parse_text(path.read_text(encoding="utf-8"), name=path.name).events[0]
    confidences = {p.name: p.confidence for p in event.participants}
    assert confidences["Đỗ Thị Minh Hoa"] == "weak"
    assert confidences["Đồng Văn Lưu"] == "weak"
    assert "strong" in confidences.values()


def test_a_mention_that_introduces_the_name_makes_a_later_guess_strong():
    people = confidence_of_people(
        "Chủ tịch UBND tỉnh Nguyễn Đăng Bình dự hội nghị.",
        "Phát biểu kết luận, đồng chí Nguyễn Đăng Bình đề nghị các địa phương …",
    )
    assert people == {"Nguyễn Đăng Bình": "strong"}


def awards_in(sentence):
    return [(a.kind, a.collectives, a.individuals, a.confidence) for a in find_awards(sentence)[0]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Bắc Kạn (fixture 002): a kind and its counts.
        (
            "Dịp này, UBND tỉnh tặng Bằng khen cho 5 tập thể và 10 cá nhân.",
            [("Bằng khen", 5, 10, "strong")],
        ),
        # "khen thưởng N tập thể, M cá nhân": the counts written against the commendation.
        (
            "UBND xã đã khen thưởng 3 tập thể và 8 cá nhân có thành tích xuất sắc.",
            [("Khen thưởng", 3, 8, "strong")],
        ),
        # A named collective that receives the award.
        (
            "Bộ CHQS tỉnh được Bộ Quốc phòng tặng Cờ thi đua.",
            [("Cờ thi đua", 1, None, "strong")],
        ),
        # One number for both: counted as neither, and weak.
        (
            "Dịp này, UBND tỉnh tặng Bằng khen cho 25 tập thể và cá nhân.",
            [("Bằng khen", None, None, "weak")],
        ),
        # Only "được … khen thưởng": neither a kind nor a count (fixture 000).
        (
            "Nhiều tập thể được Quân khu và Bộ Chỉ huy Quân sự tỉnh khen thưởng.",
            [("Khen thưởng", None, None, "weak")],
        ),
    ],
)
def test_award_confidence(sentence, expected):
    assert awards_in(sentence) == expected


def test_an_award_the_headline_states_is_weak():
    awards = headline_awards("Quận Hải An khen thưởng 18 tập thể, 53 cá nhân", [])
    assert [(a.collectives, a.individuals, a.confidence) for a in awards] == [(18, 53, "weak")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Toàn tỉnh có 887 công dân nhập ngũ.", [(887, "công dân", "strong")]),
        # Fixture 002: a bare unit whose label is taken from the clause before it.
        (
            "Tuyên truyền, phổ biến kiến thức quốc phòng và an ninh được 587 lần.",
            [(587, "lần", "weak")],
        ),
        # A unit guessed from the syllables after the number.
        ("Tỉnh đã xây 7 nhà tình nghĩa.", [(7, "nhà tình", "weak")]),
    ],
)
def test_figure_confidence(sentence, expected):
    assert [(f.value, f.unit, f.confidence) for f in find_figures(sentence)] == expected


def test_every_fact_keeps_its_sentence_and_the_json_says_its_confidence():
    path = next(ARTICLES.glob("002_*.txt"))
    event = parse_text(path.read_text(encoding="utf-8"), name=path.name).events[0]
    facts = [*event.participants, *event.awards, *event.statistics]
    assert facts and all(fact.sentence and fact.sentence in event_text(path) for fact in facts)
    document = parse_text(path.read_text(encoding="utf-8")).to_json()["events"][0]
    for kind in ("participants", "awards", "statistics"):
        assert {item["confidence"] for item in document[kind]} <= {"strong", "weak"}
        assert all("sentence" not in item and "reviewed" not in item for item in document[kind])


def event_text(path):
    return " ".join(path.read_text(encoding="utf-8").split())


def test_hand_written_extractions_without_confidence_still_compare():
    """Expected extractions written before `confidence` existed say nothing about it: the
    comparison reads the fields it knows and ignores the others."""
    path = next(ARTICLES.glob("002_*.txt"))
    actual = parse_text(path.read_text(encoding="utf-8"), name=path.name).to_json()
    expected = parse_text(path.read_text(encoding="utf-8"), name=path.name).to_json()
    for kind in ("participants", "awards", "statistics"):
        for item in expected["events"][0][kind]:
            del item["confidence"]
    assert differences(expected, actual) == []
