"""factory_boy factories for the archive's models."""

import factory

from archive import models


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Article

    key = factory.Sequence(lambda n: f"article-{n}")
    title = factory.Sequence(lambda n: f"Hội nghị tổng kết công tác quốc phòng số {n}")
    text = "Sáng 09/01, Đồng chí Nguyễn Văn An, Chủ tịch UBND tỉnh chủ trì Hội nghị."
    checksum = factory.Sequence(lambda n: f"{n:064d}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Event

    key = factory.Sequence(lambda n: f"event-{n}")
    title = factory.Sequence(lambda n: f"Hội nghị tổng kết công tác quốc phòng địa phương {n}")
    kind = models.Event.Kind.REVIEW
    province = "Bắc Kạn"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisation

    name = factory.Sequence(lambda n: f"Ủy ban nhân dân tỉnh Thử {n}")
    kind = models.Organisation.Kind.GOVERNMENT


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Participation

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    name_as_written = factory.LazyAttribute(lambda o: o.person.full_name if o.person else "")
    role = models.Role.ATTENDED
    titles = factory.LazyFunction(lambda: ["Phó Tư lệnh Quân khu 1"])


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Award

    event = factory.SubFactory(EventFactory)
    name = "Bằng khen"
    category = models.Award.Category.CERTIFICATE_OF_MERIT
    giver_name = "UBND tỉnh"
    collectives = 5
    individuals = 10


class StatisticFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Statistic

    event = factory.SubFactory(EventFactory)
    label = "công dân nhập ngũ"
    value = 887
    unit = "công dân"
