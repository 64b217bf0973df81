"""The "Materiāli" page in both languages, listing the demo's poster and logo collections."""

from wagtail.models import Collection, Locale, Site

from materials.models import MaterialsPage

PUBLIC_COLLECTIONS = ["Plakāti", "Logo"]


def load(stdout, public_collections=PUBLIC_COLLECTIONS):
    home = Site.objects.get(is_default_site=True).root_page
    page = MaterialsPage.objects.filter(locale=home.locale).first()
    if page is None:
        page = MaterialsPage(
            title="Materiāli",
            slug="materiali",
            introduction=(
                "Plakāti, logotipi un kartītes sociālajiem tīkliem partneriem, skolām un "
                "medijiem: lejupielādējiet un izmantojiet, norādot licenci."
            ),
            show_in_menus=True,
        )
        home.add_child(instance=page)
    page.public_collections.set(Collection.objects.filter(name__in=public_collections))
    page.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    translation = page.get_translation_or_none(english)
    if translation is None:
        translation = page.copy_for_translation(english)
    translation.title, translation.slug = "Materials", "materials"
    translation.introduction = (
        "Posters, logos and social media cards for partners, schools and the press: "
        "download and use them, crediting the licence."
    )
    translation.public_collections.set(page.public_collections.all())
    translation.save_revision().publish()
    stdout.write(f"  materials page listing {', '.join(public_collections)} (lv, en)")
