"""The genre's vocabulary is declared once: the models' choices, the parser's tables and the
search's abbreviations all come from `archive.vocabulary`, and agree with each other."""

import ast
from pathlib import Path

from archive import vocabulary
from archive.ingest import lexicon, organisations, parser
from archive.ingest.awards import category_of
from archive.ingest.people import find_participants
from archive.ingest.records import ROLE_ORDER
from archive.models import Award, Event, Organisation, Rank, Role
from archive.search import query
from archive.text import fold


def codes(terms):
    return [term.code for term in terms]


def test_every_rank_the_parser_knows_is_a_rank_choice_and_back():
    assert list(lexicon.RANKS) == Rank.values == codes(vocabulary.RANKS)
    assert Rank.labels == [term.label for term in vocabulary.RANKS]


def test_every_role_a_verb_gives_is_a_role_choice_and_every_role_has_a_verb():
    assert {role for _verb, role in lexicon.ROLE_VERBS} == set(Role.values)
    assert list(ROLE_ORDER) == Role.values == codes(vocabulary.ROLES)
    assert Role.labels == [term.label for term in vocabulary.ROLES]


def test_event_kinds_of_the_parser_are_the_event_choices():
    assert {kind for _word, kind in lexicon.KIND_WORDS} == set(Event.Kind.values)
    assert set(parser.FALLBACK_TITLES) == set(Event.Kind.values)
    assert set(Event.Kind.values) > parser.NO_PERIOD
    assert Event.Kind.values == codes(vocabulary.EVENT_KINDS)


def test_award_categories_of_the_parser_are_the_award_choices():
    assert {code for _word, code in lexicon.AWARD_WORDS} == set(Award.Category.values)
    for written, _code in lexicon.AWARD_WORDS:
        assert category_of(f"{written} của UBND tỉnh", False) in Award.Category.values
    assert category_of("Bằng khen", False) == Award.Category.CERTIFICATE_OF_MERIT
    assert category_of("Đơn vị tiên tiến", True) == Award.Category.TITLE
    assert category_of("Khen thưởng", False) == Award.Category.OTHER


def test_organisation_kinds_and_abbreviations_of_the_parser_are_declared():
    assert {spec.kind for spec in organisations.PATTERNS} <= set(Organisation.Kind.values)
    assert Organisation.Kind.values == codes(vocabulary.ORGANISATION_KINDS)
    declared = {a.short for a in vocabulary.ABBREVIATIONS}
    for spec in organisations.PATTERNS:
        for word in spec.abbreviation.split():
            if word.isupper():
                assert word in declared, spec.abbreviation


def test_the_search_expands_the_declared_abbreviations():
    assert {fold(short) for short in query.ABBREVIATIONS} == {
        fold(a.short) for a in vocabulary.ABBREVIATIONS
    }
    (either,) = query.parse("BCA").required
    phrase = next(part for part in either.parts if isinstance(part, query.Phrase))
    assert [term.folded for term in phrase.terms] == ["bo", "cong", "an"]


def test_a_body_is_read_whichever_way_it_is_written():
    # the expansion opening a sentence, inside one, and the abbreviation
    for text in (
        "Lực lượng vũ trang tỉnh Bắc Kạn đã hoàn thành nhiệm vụ.",
        "Năm qua, lực lượng vũ trang tỉnh Bắc Kạn hoàn thành nhiệm vụ.",
        "LLVT tỉnh Bắc Kạn hoàn thành nhiệm vụ.",
    ):
        names = [o.name for o in organisations.find_organisations(text, "Bắc Kạn")]
        assert names == ["Lực lượng vũ trang tỉnh Bắc Kạn"], text


def test_a_rank_is_read_in_either_tone_placement():
    (person,) = find_participants(["Thiếu uý Nguyễn Văn An dự hội nghị."])
    assert person.rank == Rank.THIEU_UY


def test_the_vocabulary_stands_below_models_ingest_and_search():
    tree = ast.parse(Path(vocabulary.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= {"dataclasses", "django.utils.translation", "archive.text"}
