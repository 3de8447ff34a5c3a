"""Which language a page is shown in.

The archive opens in Vietnamese until a reader chooses English with the language switch (the
choice is a cookie; the browser's Accept-Language is not followed). `?lang=en` shows a page in
English without the cookie, so that each language version has an address of its own (the
hreflang alternates link to it).
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        languages = dict(settings.LANGUAGES)
        asked = request.GET.get("lang")
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = next(
            (code for code in (asked, chosen) if code in languages), settings.LANGUAGE_CODE
        )
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        request.language_in_address = asked in languages

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if getattr(request, "language_in_address", False):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
