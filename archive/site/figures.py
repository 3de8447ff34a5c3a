"""Figures across reports: the kinds of figure the genre reports, declared once (code, label,
the words that identify it), and each report's figures of a kind by year and province.

A figure is of the first kind whose words its label (or else its unit) contains, folded, so
that "công dân nhập ngũ (Công an)" is a recruit figure and "tuyên truyền … kiến thức quốc
phòng" is outreach before it could be training."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from archive.models import Statistic
from archive.text import fold, sort_key


@dataclass(frozen=True)
class FigureKind:
    code: str
    label: str
    words: tuple  # folded on use: any of them in the label (or else the unit) is this kind

    def matches(self, text):
        folded = fold(text)
        return any(fold(word) in folded for word in self.words)


FIGURE_KINDS = (
    FigureKind("recruits", _("Citizens enlisted"), ("nhập ngũ", "giao quân", "tân binh")),
    FigureKind("outreach", _("Outreach and information sessions"), ("tuyên truyền", "phổ biến")),
    FigureKind(
        "defence-education",
        _("People given defence and security education"),
        ("bồi dưỡng kiến thức", "giáo dục quốc phòng", "kiến thức quốc phòng", "học sinh"),
    ),
    FigureKind("exercises", _("Exercises held"), ("diễn tập",)),
    FigureKind("militia", _("Militia and self-defence forces"), ("dân quân", "tự vệ")),
    FigureKind("reserve", _("Reserve forces"), ("dự bị động viên",)),
    FigureKind(
        "welfare",
        _("Families and households supported"),
        ("gia đình chính sách", "hộ nghèo", "nhà tình nghĩa", "nhà đồng đội"),
    ),
    FigureKind("party-cells", _("Military party cells"), ("chi bộ quân sự",)),
    FigureKind("participants", _("People taking part"), ("lượt người", "người tham gia")),
)
OTHER = FigureKind("other", _("Other figures"), ())
KINDS = {kind.code: kind for kind in (*FIGURE_KINDS, OTHER)}


def kind_of(label, unit=""):
    for text in (label, unit):
        for kind in FIGURE_KINDS:
            if text and kind.matches(text):
                return kind
    return OTHER


def year_of(statistic):
    """The year a figure counts: the year its report reviews, or else the year it was held."""
    return statistic.event.period_end or statistic.event.year


def figures_by_kind():
    """{code: [Statistic]} over the whole archive, in kind order (one query)."""
    found = {code: [] for code in KINDS}
    for statistic in Statistic.objects.select_related("event").order_by(
        "event__date_held", "event_id", "order"
    ):
        found[kind_of(statistic.label, statistic.unit).code].append(statistic)
    return found


def table(statistics):
    """{years, rows, chart}: one row per province, [(year, [figures])] across the years;
    the chart [(year, total)], a report's total being its largest figure of the kind (a report
    that gives a total and its parts is not counted twice)."""
    cells, largest = {}, {}
    for statistic in statistics:
        year, province = year_of(statistic), statistic.event.province
        cells.setdefault((province, year), []).append(statistic)
        key = (year, statistic.event_id)
        largest[key] = max(largest.get(key, 0), statistic.value)
    years = sorted({year for _p, year in cells}, key=lambda y: (y is None, y or 0))
    provinces = sorted({province for province, _y in cells}, key=sort_key)
    totals = {}
    for (year, _event), value in largest.items():
        if year is not None:
            totals[year] = totals.get(year, 0) + value
    return {
        "years": years,
        "rows": [
            (province, [cells.get((province, year), []) for year in years])
            for province in provinces
        ],
        "chart": sorted((y, int(v) if v == int(v) else float(v)) for y, v in totals.items()),
    }
