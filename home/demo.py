"""The campaign home page in Latvian with its English translation, replacing Wagtail's
welcome page as the site root."""

from wagtail.models import Locale, Page, Site

from home.models import HomePage

HOME_LV = {
    "title": "Liepāja ir Tava balss!",
    "slug": "sakums",
    "hero_title": "Liepāja ir Tava balss!",
    "hero_text": (
        "Pagājušajās pašvaldību vēlēšanās balsoja tikai 28,84 % liepājnieku. "
        "Šoreiz nāc un balso — Tava balss veido pilsētu."
    ),
}
HOME_EN = {
    "title": "Liepāja is your voice!",
    "hero_title": "Liepāja is your voice!",
    "hero_text": (
        "Only 28.84 % of Liepāja's voters took part in the last municipal election. "
        "This time, come and vote — your voice shapes the city."
    ),
}


def load(stdout):
    latvian, _ = Locale.objects.get_or_create(language_code="lv")
    english, _ = Locale.objects.get_or_create(language_code="en")
    # A flushed database (transactional tests) has lost even the tree's root.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=latvian)
    )

    home = HomePage.objects.filter(locale=latvian).first()
    if home is None:
        home = root.add_child(instance=HomePage(locale=latvian, **HOME_LV))
    else:
        for field, value in HOME_LV.items():
            setattr(home, field, value)
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home
    site.site_name = "Liepāja ir Tava balss!"
    site.save()

    # Wagtail's "Welcome to your new Wagtail site!" page goes once the campaign home is root.
    for page in root.get_children().exclude(pk=home.pk).not_type(HomePage):
        page.delete()

    home_en = home.get_translation_or_none(english)
    if home_en is None:
        home_en = home.copy_for_translation(english)
    home_en = home_en.specific
    for field, value in HOME_EN.items():
        setattr(home_en, field, value)
    home_en.save_revision().publish()
    stdout.write("  home page (lv) and its English translation")
