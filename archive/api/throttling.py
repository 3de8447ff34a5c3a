"""Anonymous throttling: the rate is read per request, so settings (and tests) can change it."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousThrottle(AnonRateThrottle):
    """`ARCHIVE_API_ANON_RATE` requests per client address ("120/minute"); None turns it off."""

    def get_rate(self):
        return settings.ARCHIVE_API_ANON_RATE
