"""A filter value that is not what the filter takes is refused as invalid (dropped, as the
other bad values are), never applied as something else that finds nothing."""

import pytest

from archive.search import get_backend
from archive.search.indexing import all_documents


@pytest.mark.parametrize("year", ["2023.0", "2024.0", "2024.5", "abc"])
def test_a_year_that_is_not_a_whole_number_is_invalid(client, loaded_archive, year):
    get_backend().rebuild(all_documents())
    unfiltered = client.get("/search/", {"q": "hội nghị", "type": "event"}).context["results"].total
    response = client.get("/search/", {"q": "hội nghị", "type": "event", "year": year})
    assert response.status_code == 200
    assert unfiltered > 0
    assert response.context["results"].total == unfiltered
    assert "Đã bỏ qua giá trị không hợp lệ" in response.content.decode()
