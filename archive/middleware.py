"""Security headers Django 5.2 does not set by itself, and request limits it does not apply
before reading a body."""

import ipaddress

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
        # The API also answers CORS preflight requests (OPTIONS) for other sites' readers.
        allowed = ("GET", "HEAD", "OPTIONS") if path.startswith("/api/") else ("GET", "HEAD")
        if not path.startswith(POSTING_PREFIXES) and request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
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


def client_address(request):
    """The client's address for django-axes: the peer's, unless the peer is one of the trusted
    proxies (ARCHIVE_TRUSTED_PROXIES), then the right-most X-Forwarded-For entry that is not a
    trusted proxy. A forwarded address from any other peer is ignored: a client cannot name
    a new address at each try.

    (django-ipware 8 looks for the trusted proxies inside the forwarded chain; a single nginx
    that appends the client's address puts itself nowhere in it, so it finds no client.)"""
    peer = request.META.get("REMOTE_ADDR", "")
    trusted = [ipaddress.ip_network(p, strict=False) for p in settings.ARCHIVE_TRUSTED_PROXIES]

    def is_trusted(address):
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in trusted)

    if not is_trusted(peer):
        return peer
    for address in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = address.strip()
        if address and not is_trusted(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return peer  # a malformed header: the proxy is all we know
    return peer
