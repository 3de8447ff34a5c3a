"""Security headers Django 5.2 does not set by itself, and request limits it does not apply
before reading a body."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils.translation import gettext as _

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# The language switch is the one form the public posts: a few hundred bytes.
PUBLIC_MAX_REQUEST_BYTES = 4096
# Paths where forms are posted; everywhere else is the public archive, read-only.
POSTING_PREFIXES = ("/admin/", "/i18n/")


class ContentSecurityPolicyMiddleware:
    """Every page may load only what this site serves: no inline script can run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


class RequestLimitMiddleware:
    """The public archive answers GET and HEAD only (405 otherwise), and a request whose
    Content-Length is above the limit (public: PUBLIC_MAX_REQUEST_BYTES; editors' desk:
    ARCHIVE_MAX_REQUEST_BYTES) gets 413 before any of its body is read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if not path.startswith(POSTING_PREFIXES) and request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        desk = path.startswith("/admin/")
        limit = settings.ARCHIVE_MAX_REQUEST_BYTES if desk else PUBLIC_MAX_REQUEST_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(_("Bad Content-Length."), status=400, content_type="text/plain")
        if length > limit:
            message = _("The request is too large (%(limit)s bytes at most).") % {"limit": limit}
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
