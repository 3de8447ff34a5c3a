"""Recognising organisations by their full names and abbreviations.

Each pattern maps what a report writes ("UBND tỉnh", "Bộ CHQS tỉnh Bắc Kạn", "QK1") to one
canonical full name, with a provincial body qualified by its province (the article's, when the
text leaves it out). Patterns run over `canonical()` text so that either tone-mark placement
matches; spans are unchanged by it.
"""

import re
from dataclasses import dataclass

from archive.ingest.places import PROVINCES
from archive.ingest.records import ParsedOrganisation
from archive.text import canonical
from archive.text.tokens import ROMAN
from archive.vocabulary import ABBREVIATION

PROVINCE = "(?:" + "|".join(sorted(map(re.escape, PROVINCES), key=len, reverse=True)) + ")"
LEVEL = r"(?P<level>tỉnh|thành phố|TP\.?)"
OF_PROVINCE = rf"{LEVEL}(?: (?P<province>{PROVINCE}))?"
REGION = r"(?P<region>[1-9]|IX|IV|V?I{1,3}|VI{0,3})\b"
PROVINCE_SPELLING = {canonical(p): p for p in PROVINCES}

REGIONS = {
    1: ("Bắc Kạn", "Bắc Giang", "Bắc Ninh", "Cao Bằng", "Lạng Sơn", "Thái Nguyên"),
    2: (
        "Hà Giang",
        "Tuyên Quang",
        "Phú Thọ",
        "Vĩnh Phúc",
        "Lào Cai",
        "Yên Bái",
        "Lai Châu",
        "Điện Biên",
        "Sơn La",
    ),
    3: (
        "Hải Phòng",
        "Quảng Ninh",
        "Hải Dương",
        "Hưng Yên",
        "Thái Bình",
        "Nam Định",
        "Hà Nam",
        "Ninh Bình",
        "Hòa Bình",
    ),
    4: ("Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Huế"),
    5: (
        "Đà Nẵng",
        "Quảng Nam",
        "Quảng Ngãi",
        "Bình Định",
        "Phú Yên",
        "Khánh Hòa",
        "Ninh Thuận",
        "Kon Tum",
        "Gia Lai",
        "Đắk Lắk",
        "Đắk Nông",
    ),
    7: (
        "Hồ Chí Minh",
        "Lâm Đồng",
        "Bình Thuận",
        "Bình Phước",
        "Bình Dương",
        "Đồng Nai",
        "Tây Ninh",
        "Bà Rịa - Vũng Tàu",
        "Bà Rịa – Vũng Tàu",
        "Long An",
    ),
    9: (
        "Cần Thơ",
        "An Giang",
        "Kiên Giang",
        "Đồng Tháp",
        "Tiền Giang",
        "Bến Tre",
        "Vĩnh Long",
        "Trà Vinh",
        "Hậu Giang",
        "Sóc Trăng",
        "Bạc Liêu",
        "Cà Mau",
    ),
}
REGION_OF_PROVINCE = {
    canonical(province): region for region, provinces in REGIONS.items() for province in provinces
}


def military_region_of(province):
    region = REGION_OF_PROVINCE.get(canonical(province or ""))
    return f"Quân khu {region}" if region else None


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern
    template: str
    abbreviation: str
    kind: str
    consumes: bool = False
    parent: str = ""

    def names(self, match, province):
        groups = match.groupdict()
        level = groups.get("level") or "tỉnh"
        level = "thành phố" if level.startswith("TP") else level
        provinces = [groups.get("province") or province]
        if groups.get("provinces"):
            provinces = re.split(r"\s*(?:,| và )\s*", groups["provinces"])
        if "{province}" in self.template and not all(provinces):
            return []
        region = groups.get("region") or groups.get("region2")
        values = {
            "level": level,
            "region": ROMAN.get((region or "").lower(), region),
            "unit": groups.get("unit"),
            "number": groups.get("number"),
        }
        return [
            self.template.format(province=PROVINCE_SPELLING.get(canonical(p or ""), p), **values)
            for p in provinces
        ]


def spelled(short):
    """A body written either way, from its declared abbreviation: "(?:Lực lượng vũ trang|lực
    lượng vũ trang|\\bLLVT\\b)". The expansion may open a sentence or not; whole syllables
    keep the pattern's tone marks in step with `canonical()`."""
    expansion = ABBREVIATION[short].expansion
    opening, lower = expansion[0].upper() + expansion[1:], expansion[0].lower() + expansion[1:]
    return rf"(?:{opening}|{lower}|\b{short}\b)"


def pattern(regex, template, abbreviation="", kind="other", consumes=False, parent=""):
    return Pattern(re.compile(canonical(regex)), template, abbreviation, kind, consumes, parent)


PATTERNS = (
    pattern(r"Cục Dân quân tự vệ", "Cục Dân quân tự vệ", "", "military", consumes=True),
    pattern(
        rf"[Bb]an Chỉ đạo [Kk]hu vực phòng thủ {OF_PROVINCE}",
        "Ban Chỉ đạo Khu vực phòng thủ {level} {province}",
        "BCĐ KVPT",
        "steering",
        consumes=True,
    ),
    pattern(
        rf"Bộ Chỉ huy {spelled('BĐBP')}(?: \d+)? (?:tỉnh|thành phố)"
        rf"(?: (?P<provinces>{PROVINCE}(?:(?:,| và) {PROVINCE})*))?",
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh {province}",
        "BĐBP",
        "military",
        consumes=True,
    ),
    pattern(
        rf"Đảng ủy(?:(?:,| và) Bộ Tư lệnh)? Quân khu {REGION}",
        "Đảng ủy Quân khu {region}",
        "",
        "party",
    ),
    pattern(
        rf"Quân khu {REGION}|\bQK ?(?P<region2>[1-9])\b", "Quân khu {region}", "QK", "military"
    ),
    pattern(r"Bộ Tư lệnh Thủ đô(?: Hà Nội)?", "Bộ Tư lệnh Thủ đô Hà Nội", "BTL Thủ đô", "military"),
    pattern(
        rf"(?:Bộ Chỉ huy [Qq]uân sự|Bộ CHQS) {OF_PROVINCE}",
        "Bộ Chỉ huy Quân sự {level} {province}",
        "Bộ CHQS",
        "military",
        consumes=True,
    ),
    pattern(
        rf"{spelled('UBND')} {OF_PROVINCE}",
        "Ủy ban nhân dân {level} {province}",
        "UBND",
        "government",
    ),
    pattern(
        rf"{spelled('HĐND')} {OF_PROVINCE}",
        "Hội đồng nhân dân {level} {province}",
        "HĐND",
        "government",
    ),
    pattern(rf"\bTỉnh ủy(?: (?P<province>{PROVINCE}))?", "Tỉnh ủy {province}", "", "party"),
    pattern(rf"\bThành ủy(?: (?P<province>{PROVINCE}))?", "Thành ủy {province}", "", "party"),
    pattern(rf"\bCông an {OF_PROVINCE}", "Công an {level} {province}", "", "police"),
    pattern(
        rf"Hội đồng [Gg]iáo dục quốc phòng(?: và|,)? an ninh {OF_PROVINCE}",
        "Hội đồng Giáo dục quốc phòng và an ninh {level} {province}",
        "HĐ GDQP-AN",
        "steering",
    ),
    pattern(
        rf"Hội đồng [Nn]ghĩa vụ quân sự {OF_PROVINCE}",
        "Hội đồng Nghĩa vụ quân sự {level} {province}",
        "HĐ NVQS",
        "steering",
    ),
    pattern(
        r"\b(?P<unit>Sư đoàn|Lữ đoàn|Trung đoàn|Quân đoàn|Vùng) (?P<number>\d+)\b",
        "{unit} {number}",
        "",
        "military",
    ),
    pattern(
        rf"Ủy ban {spelled('MTTQ')}(?: Việt Nam)? {OF_PROVINCE}",
        "Ủy ban Mặt trận Tổ quốc Việt Nam {level} {province}",
        "MTTQ",
        "front",
    ),
    pattern(r"\bBộ Quốc phòng", "Bộ Quốc phòng", "BQP", "military"),
    pattern(r"\bBộ Công an", "Bộ Công an", "BCA", "police"),
    pattern(r"\bBộ Tổng [Tt]ham mưu", "Bộ Tổng Tham mưu", "", "military"),
    pattern(r"\bTổng cục Chính trị", "Tổng cục Chính trị", "", "military"),
    pattern(r"\bChính phủ\b(?! (?:điện tử|số))", "Chính phủ", "", "government"),
    pattern(
        r"(?:Ban Chấp hành )?Trung ương Đảng", "Ban Chấp hành Trung ương Đảng", "BCH TW", "party"
    ),
    pattern(
        rf"{spelled('LLVT')} {OF_PROVINCE}",
        "Lực lượng vũ trang {level} {province}",
        "LLVT",
        "force",
    ),
    pattern(spelled("DQTV"), "Dân quân tự vệ", "DQTV", "force"),
    pattern(spelled("DBĐV"), "Dự bị động viên", "DBĐV", "force"),
)


def organisation_mentions(text, province):
    """[(start, end, canonical name, pattern)] of every organisation named in `text`, in order
    of position (a name may come more than once); spans are those of `text`."""
    text = canonical(text)
    consumed = []
    found = []
    for spec in PATTERNS:
        for match in spec.regex.finditer(text):
            start, end = match.span()
            if any(start < c_end and c_start < end for c_start, c_end in consumed):
                continue
            if spec.consumes:
                consumed.append((start, end))
            for name in spec.names(match, province):
                found.append((start, end, name, spec))
    found.sort(key=lambda item: item[0])
    return found


def find_organisations(text, province):
    """The organisations named in `text`, once each, in order of first mention."""
    result, seen = [], set()
    for _start, _end, name, spec in organisation_mentions(text, province):
        if name in seen:
            continue
        seen.add(name)
        result.append(
            ParsedOrganisation(
                name=name,
                abbreviation=spec.abbreviation,
                kind=spec.kind,
                parent=parent_of(name, province),
            )
        )
    return result


def parent_of(name, province):
    if name.startswith("Bộ Chỉ huy Quân sự"):
        return military_region_of(name.rsplit(" tỉnh ", 1)[-1]) or military_region_of(province)
    if name.startswith("Đảng ủy Quân khu"):
        return name.removeprefix("Đảng ủy ")
    return None
