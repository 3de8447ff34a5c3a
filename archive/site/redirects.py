"""Old addresses of merged records answer 301 to the record that survived the merge.

`redirect_if_merged` is for any view that finds a person or an organisation by slug (pages,
API, feeds): it gives the permanent redirect, or None when the slug was never merged.
`MergedSlugRedirectMixin` does it for a DetailView.
"""

from django.http import Http404, HttpResponsePermanentRedirect

from archive.models import MergedSlug


def redirect_if_merged(model, slug, url_of=None, query_string=""):
    """301 to the survivor's address (`url_of(survivor)`, its page by default), or None."""
    survivor = MergedSlug.objects.survivor(model, slug)
    if survivor is None:
        return None
    url = url_of(survivor) if url_of else survivor.get_absolute_url()
    if query_string:
        url = f"{url}?{query_string}"
    return HttpResponsePermanentRedirect(url)


class MergedSlugRedirectMixin:
    """A DetailView by slug that follows merges instead of answering 404."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            found = redirect_if_merged(
                self.model or self.queryset.model,
                kwargs.get(self.slug_url_kwarg, ""),
                query_string=request.META.get("QUERY_STRING", ""),
            )
            if found is None:
                raise
            return found
