"""Add a report by pasting it: paste → review → confirm.

Nothing is written until the editor confirms; the confirmation goes through the same loader as
`manage.py ingest` (one transaction), and what the editor corrected on the review screen is
marked as edited by hand so that a later re-import keeps it. The pasted text stays on the
server (in the editor's session) between the steps: the review form does not carry it back, so
a report of 2 MB confirms as easily as a short one, and its header (key, date) is kept.

Every fact keeps the sentence it was read from and how surely it was read: the review shows the
weak readings first, marked, with their sentence; confirming marks reviewed the facts the
editor ticked as checked (strong readings come ticked) or corrected, and leaves the other weak
readings to be reviewed later (the admin's filter finds them). The sentences come from reading
the kept text again on confirmation, never from the form, so an editor's browser cannot change
where a fact was read.
"""

import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from archive.desk.forms import (
    PasteForm,
)
from archive.desk.review import (
    HEADER_FIELDS,
    LOAD_STATUS,
    bound_forms_for,
    corrected,
    corrected_article,
    existing_article,
    flag_spellings_within,
    mark_review_edits,
    read_pasted,
    reason_for,
    unbound_forms_for,
    weak_facts,
)
from archive.ingest import loader, source
from archive.ingest.parser import ParseError, parse_source
from archive.models import Article


class ImportView(View):
    """paste → review → confirm. `model_admin` is the article admin the desk belongs to."""

    model_admin = None
    paste_template = "admin/archive/article/import.html"
    review_template = "admin/archive/article/review.html"
    session_key = "desk_pastes"
    kept_pastes = 3  # per editor: a few tabs at once, never an unbounded session

    def get(self, request):
        return self.paste_step(PasteForm())

    def post(self, request):
        if request.POST.get("action") == "confirm":
            return self.confirm_step()
        return self.read_step(PasteForm(request.POST, request.FILES))

    # The steps

    def paste_step(self, paste_form, status=200):
        return self.render(self.paste_template, {"paste_form": paste_form}, status=status)

    def read_step(self, paste_form):
        """The pasted text is read and kept server-side; the review shows what was read."""
        if not paste_form.is_valid():
            return self.paste_step(paste_form)
        pasted = {"text": paste_form.cleaned_data["text"]}
        pasted.update({name: paste_form.cleaned_data.get(name) or "" for name in HEADER_FIELDS})
        read = self.read(pasted)
        if isinstance(read, str):
            paste_form.add_error(None, read)
            return self.paste_step(paste_form)
        token = self.keep(pasted)
        return self.review_step(token, *read, unbound_forms_for(read[1]))

    def review_step(self, token, src, parsed, forms, status=200):
        article_form, event_form, people, awards, figures = forms
        flag_spellings_within(people)
        return self.render(
            self.review_template,
            {
                "paste_token": token,
                "parsed": parsed,
                "source_text": src.body,
                "article_form": article_form,
                "event_form": event_form,
                "people": people,
                "awards": awards,
                "figures": figures,
                "organisations": [o.name for o in parsed.events[0].organisations],
                "weak_count": len(weak_facts(parsed.events[0])),
                "existing": existing_article(src),
            },
            status=status,
        )

    def confirm_step(self):
        request = self.request
        token = request.POST.get("paste", "")
        pasted = self.kept(token)
        if pasted is None:
            messages.error(
                request,
                _("The pasted text is no longer at hand (the session ended): paste it again."),
            )
            return self.paste_step(PasteForm(), status=400)
        read = self.read(pasted)
        if isinstance(read, str):  # it read before: only a change of the reader brings this
            messages.error(request, read)
            return self.paste_step(PasteForm(), status=400)
        src, parsed = read
        forms = bound_forms_for(request.POST, parsed)
        if not all(f.is_valid() for f in forms):
            return self.review_step(token, src, parsed, forms)
        article_form, event_form, people, awards, figures = forms
        existing = existing_article(src)
        article = corrected_article(parsed, article_form, existing.key if existing else src.key)
        try:
            result = loader.load_article(
                corrected(article, event_form, people, awards, figures), src.checksum
            )
        except (ValidationError, DatabaseError) as error:
            messages.error(request, _("Not saved: %(reason)s") % {"reason": error})
            return self.review_step(token, src, parsed, forms)
        mark_review_edits(
            result.article, parsed.events[0], article_form, event_form, (people, awards, figures)
        )
        self.model_admin.log_addition(request, result.article, [{"added": {}}])
        self.forget(token)
        messages.success(
            request,
            _("Saved “%(title)s” (%(status)s).")
            % {"title": result.article, "status": LOAD_STATUS.get(result.status, result.status)},
        )
        event = result.article.events.order_by("pk").first()
        return redirect(reverse("admin:archive_event_change", args=[event.pk]))

    # Helpers

    def read(self, pasted):
        """(source, parsed article), or why nothing could be read."""
        try:
            src = read_pasted(pasted)
            return src, parse_source(src)
        except (source.SourceError, ParseError) as error:
            return _("Nothing could be read: %(reason)s.") % {"reason": reason_for(error)}

    def keep(self, pasted):
        token = secrets.token_urlsafe(12)
        pastes = dict(self.request.session.get(self.session_key, {}))
        pastes[token] = pasted
        self.request.session[self.session_key] = dict(list(pastes.items())[-self.kept_pastes :])
        return token

    def kept(self, token):
        return self.request.session.get(self.session_key, {}).get(token)

    def forget(self, token):
        pastes = dict(self.request.session.get(self.session_key, {}))
        pastes.pop(token, None)
        self.request.session[self.session_key] = pastes

    def render(self, template, context, status=200):
        admin_site = self.model_admin.admin_site
        return TemplateResponse(
            self.request,
            template,
            {
                **admin_site.each_context(self.request),
                "opts": Article._meta,
                "title": _("Add a report by pasting its text"),
                **context,
            },
            status=status,
        )
