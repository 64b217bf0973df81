import factory

from django.utils.text import slugify

from base.models import District


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Rajons {n}")
    slug = factory.LazyAttribute(lambda district: slugify(district.name))
    sort_order = factory.Sequence(int)
