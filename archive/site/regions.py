"""The military regions (Quân khu 1–9, and the Capital Command for Hà Nội) as the extraction's
province map has them: which provinces each holds, and which bodies name it in a title."""

from dataclasses import dataclass

from archive.ingest.organisations import REGIONS
from archive.text import canonical


@dataclass(frozen=True)
class Region:
    code: str  # in the URL: "1" … "9", "thu-do"
    name: str  # the body, as the organisation patterns spell it
    provinces: tuple

    @property
    def bodies(self):
        """The organisations whose posts are the region's own officials."""
        if self.code.isdigit():
            return (self.name, f"Đảng ủy {self.name}")
        return (self.name,)

    def holds(self, province):
        return canonical(province or "") in {canonical(p) for p in self.provinces}


# Hà Nội is in no Quân khu: the Capital Command (Bộ Tư lệnh Thủ đô) is its military region.
CAPITAL = Region("thu-do", "Bộ Tư lệnh Thủ đô Hà Nội", ("Hà Nội",))
MILITARY_REGIONS = (
    *(
        Region(str(number), f"Quân khu {number}", provinces)
        for number, provinces in sorted(REGIONS.items())
    ),
    CAPITAL,
)
BY_CODE = {region.code: region for region in MILITARY_REGIONS}


def region_of(province):
    return next((region for region in MILITARY_REGIONS if region.holds(province)), None)
