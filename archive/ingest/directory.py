"""The people and organisations a batch of reports names, found in the database by name or
alias once per batch (or created), so that every report of the batch links the same records."""

from archive.models import (
    Organisation,
    Person,
)
from archive.text import canonical, fold


def folded_names(record):
    """A person's or organisation's folded name and folded aliases."""
    return {record.folded_name, *filter(None, record.alias_keys.split("|"))}


class Directory:
    """People and organisations by name, created at their first mention. It remembers what it
    found, so a batch asks the database once for all its names (`preload`); a name not
    preloaded is looked up the same way when it is first asked for."""

    def __init__(self):
        self.people = {}  # folded name → the people it may stand for, in pk order
        self.organisations = {}  # folded name → organisation or None
        self.with_aliases = {}  # model → its records that have aliases (merges make few)
        self.created = False

    def preload(self, person_names, organisation_names):
        self.find_people({fold(n) for n in person_names} - self.people.keys())
        self.find_organisations({fold(n) for n in organisation_names} - self.organisations.keys())

    def aliased(self, model):
        if model not in self.with_aliases:
            self.with_aliases[model] = list(model.objects.exclude(alias_keys=""))
        return self.with_aliases[model]

    def find_people(self, wanted):
        """Everyone each folded name may stand for, by name or alias, in pk order."""
        self.people.update({name: [] for name in wanted})
        found = {*Person.objects.filter(folded_name__in=wanted), *self.aliased(Person)}
        for person in sorted(found, key=lambda person: person.pk):
            for name in folded_names(person) & wanted:
                self.people[name].append(person)

    def find_organisations(self, wanted):
        """Each folded name's organisation: the first by name, else the first by alias."""
        by_name, by_alias = {}, {}
        found = {*Organisation.objects.filter(folded_name__in=wanted), *self.aliased(Organisation)}
        for organisation in sorted(found, key=lambda organisation: organisation.pk):
            by_name.setdefault(organisation.folded_name, organisation)
            for name in folded_names(organisation) - {organisation.folded_name}:
                by_alias.setdefault(name, organisation)
        for name in wanted:
            self.organisations[name] = by_name.get(name) or by_alias.get(name)

    def participant(self, participant):
        """The editor's choice of person if there is one, else the person of this name."""
        if participant.person_id:
            chosen = Person.objects.filter(pk=participant.person_id).first()
            if chosen:
                return chosen
        return self.person(participant.name)

    def person(self, name):
        """The Person with exactly this name (tone placement aside), created if there is none.

        Only the whole name identifies a person: two officials who share a given name or a
        title are never merged.
        """
        folded = fold(name)
        if folded not in self.people:
            self.find_people({folded})
        wanted = canonical(name).lower()
        for person in self.people[folded]:
            if any(canonical(n).lower() == wanted for n in [person.full_name, *person.aliases]):
                return person
        person = Person.objects.create(full_name=name)
        self.people[folded].append(person)
        self.created = True
        return person

    def organisation(self, name):
        """An organisation by its name or one of its aliases (tone placement and case aside)."""
        folded = fold(name)
        if folded not in self.organisations:
            self.find_organisations({folded})
        return self.organisations[folded]

    def add_organisation(self, **values):
        organisation = Organisation.objects.create(**values)
        self.organisations[fold(organisation.name)] = organisation
        self.created = True
        return organisation

    def organisation_for(self, parsed):
        organisation = self.organisation(parsed.name)
        parent = self.organisation_named(parsed.parent) if parsed.parent else None
        if organisation is None:
            return self.add_organisation(
                name=parsed.name, abbreviation=parsed.abbreviation, kind=parsed.kind, parent=parent
            )
        if parent and organisation.parent_id is None and "parent" not in organisation.edited_fields:
            organisation.parent = parent
            organisation.save(update_fields=["parent"])
            self.created = True
        return organisation

    def organisation_named(self, name):
        organisation = self.organisation(name)
        if organisation is None:
            kind = (
                Organisation.Kind.MILITARY
                if name.startswith("Quân khu")
                else Organisation.Kind.OTHER
            )
            organisation = self.add_organisation(name=name, kind=kind)
        return organisation
