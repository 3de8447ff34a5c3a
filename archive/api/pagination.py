"""Page-number pagination that says what is wrong with a bad `page` or `page_size`."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

MAX_PAGE_SIZE = 100


def positive_int(request, name, default, maximum=None):
    """The integer parameter `name`, or a 400 naming it and saying why."""
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError({name: [_("A whole number is required.")]}) from None
    if value < 1:
        raise ValidationError({name: [_("Must be 1 or more.")]})
    if maximum is not None and value > maximum:
        raise ValidationError({name: [_("Must be at most %(maximum)d.") % {"maximum": maximum}]})
    return value


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        return positive_int(request, "page_size", self.page_size, maximum=self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        positive_int(request, self.page_query_param, 1)
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            raise NotFound(
                _("There is no page %(page)s.")
                % {"page": request.query_params.get(self.page_query_param)}
            ) from None
