import datetime

import factory
import wagtail_factories

from base.tests.factories import DistrictFactory
from stories.models import ConsentMethod, StoryIndexPage, StoryPage


class PortraitFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Portrets {n}")
    file = factory.django.ImageField(width=400, height=300, color="olive")


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Iedzīvotāju stāsti"
    slug = "stasti"


class StoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Stāsts {n}")
    slug = factory.Sequence(lambda n: f"stasts-{n}")
    display_name = factory.Sequence(lambda n: f"Iedzīvotājs {n}")
    descriptor = "skolotāja, 40"
    district = factory.SubFactory(DistrictFactory)
    quote = "Es balsoju, jo gribu drošas ielas."
    consent_date = datetime.date(2025, 4, 1)
    consent_method = ConsentMethod.SIGNED_FORM
