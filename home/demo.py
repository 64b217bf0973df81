"""The campaign home page in Latvian with its English translation, replacing Wagtail's
welcome page as the site root, the how-to-vote page in both languages, two sample content
pages and the hero picture.

The demo's timeline: 2025 was the last municipal election (turnout rose from 28.84 % to
43.5 %, the children's election and its results are from it); the countdown runs to the
next one, in June 2029 (base.demo.next_municipal_election)."""

from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageDraw

from django.core.files.images import ImageFile
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from base import demo as base_demo
from base.models import ContentPage, SiteSettings
from home.demo_en import CONTENT_PAGES_EN
from home.how_to_vote_demo import ensure_how_to_vote_pages
from home.models import HomePage

HOME_LV = {
    "title": "Liepāja ir Tava balss!",
    "slug": "sakums",
    "hero_title": "Liepāja ir Tava balss!",
    "hero_text": (
        "2025. gadā balsoja 43,5 % liepājnieku: gandrīz par 15 procentpunktiem vairāk nekā "
        "2021. gadā. Nākamajās pašvaldību vēlēšanās nāc atkal un paņem līdzi kaimiņu."
    ),
    "hero_image_alt": "Krāsaini kubi kopā veido māju: katrs kubs ir viena balss",
}
HOME_EN = {
    "title": "Liepāja is your voice!",
    "hero_title": "Liepāja is your voice!",
    "hero_text": (
        "In 2025, 43.5 % of Liepāja's voters voted: almost 15 percentage points more than in "
        "2021. At the next municipal election, come again and bring a neighbour."
    ),
    "hero_image_alt": "Coloured cubes together build a house: each cube is one vote",
}
HERO_IMAGE_TITLE = "Krāsainie kubi: kampaņas ilustrācija (paraugs)"


def _reverse_or_none(name, language):
    """The address of another app's public page, if that app provides it (it may not yet)."""
    try:
        with translation.override(language):
            return reverse(name)
    except NoReverseMatch:
        return None


def content_pages(language):
    """Two sample content pages: about the campaign and the children's election."""
    if language == "en":
        return CONTENT_PAGES_EN
    return [
        {
            "title": "Par kampaņu",
            "slug": "par-kampanu",
            "introduction": (
                "„Liepāja ir Tava balss!” aicina katru liepājnieku piedalīties pašvaldības "
                "vēlēšanās. Šī ir parauga lapa."
            ),
            "body": [
                (
                    "key_figures",
                    {
                        "heading": "Kampaņa skaitļos",
                        "figures": [
                            {"figure": "28,84 %", "label": "balsoja iepriekšējās vēlēšanās"},
                            {"figure": "+10", "label": "procentpunktu — mūsu mērķis"},
                            {"figure": "30", "label": "iedzīvotāju stāsti"},
                        ],
                    },
                ),
                (
                    "text",
                    "<p>Kampaņa stāsta par cilvēkiem, nevis par procedūrām: kaimiņi "
                    "aicina kaimiņus, bērni balso blakus vecākiem.</p>",
                ),
                (
                    "pull_quote",
                    {"quote": "Demokrātija sākas ģimenē.", "attribution": "Bērnu vēlēšanu sauklis"},
                ),
            ],
        },
        {
            "title": "Bērnu vēlēšanas",
            "slug": "bernu-velesanas",
            "introduction": (
                "„Demokrātija sākas ģimenē”: bērni un jaunieši balso par jautājumiem, ko paši "
                "izvēlējušies, blakus iecirknim, kur balso viņu vecāki. Šī ir parauga lapa."
            ),
            "body": [
                (
                    "text",
                    "<h2>Kas var balsot</h2>"
                    "<p>Bērni un jaunieši no 5 līdz 17 gadiem. Biļetens ir katrai vecuma grupai "
                    "savs: 5–8 gadi (viegli lasāms, ar attēliem), 9–12, 13–15 un 16–17 gadi. "
                    "Bērns balso pats; vārdu neviens nepieraksta.</p>"
                    "<h2>Kur</h2>"
                    "<p>Sešos bērnu iecirkņos, katrs blakus pieaugušo iecirknim: Vecliepājā "
                    "(Nr. 702, Rožu iela 5/7), Jaunliepājā (Nr. 703), Karostā (Nr. 704), "
                    "Ziemeļu priekšpilsētā (Nr. 705), Tosmarē (Nr. 706) un Ezerkrastā "
                    "(Nr. 707). Adreses ir lapā „Kur un kā balsot”.</p>"
                    "<h2>Kad</h2>"
                    "<p>Nākamo pašvaldību vēlēšanu dienā, no 7:00 līdz 20:00, kamēr strādā "
                    "pieaugušo iecirkņi. Pēdējās bērnu vēlēšanas notika 2025. gada 7. jūnijā: "
                    "balsoja 1392 bērni un jaunieši, un rezultāti ir publicēti.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "heading": "Nāc kopā ar ģimeni",
                        "text": "Atrodi savu iecirkni: bērnu iecirknis ir tepat blakus.",
                        "button_text": "Kur un kā balsot",
                        "page": None,  # the how-to-vote page, set once it exists
                        "link_url": "",
                    },
                ),
            ],
        },
    ]


def election_links(children_page, language):
    english = language == "en"
    links = [
        {
            "title": "Children's election" if english else "Bērnu vēlēšanas",
            "text": "Children vote beside their parents."
            if english
            else "Bērni un jaunieši balso blakus vecākiem.",
            "page": children_page,
            "link": "",
        }
    ]
    # Other apps' public pages, linked once they exist (URL names they provide).
    optional_links = [
        (
            "mock_elections:index",
            "Children's polling stations",
            "Bērnu vēlēšanu iecirkņi",
            "Where children vote, by district.",
            "Kur balso bērni — pa apkaimēm.",
        ),
        (
            "results:index",
            "Results",
            "Rezultāti",
            "Turnout and the children's results.",
            "Līdzdalība un bērnu balsojuma rezultāti.",
        ),
    ]
    for url_name, title_en, title_lv, text_en, text_lv in optional_links:
        url = _reverse_or_none(url_name, language)
        if url:
            links.append(
                {
                    "title": title_en if english else title_lv,
                    "text": text_en if english else text_lv,
                    "page": None,
                    "link": url,
                }
            )
    return links


def home_body(children_page, language="lv"):
    return [
        ("campaign_figures", {"heading": "Tava balss skaitļos"}),
        ("story_teasers", {"heading": "Kāpēc es balsoju", "stories": [], "count": 3}),
        (
            "where_to_vote",
            {
                "heading": "Kur un kad balsot",
                "text": "<p>Visi 12 Liepājas iecirkņi. Adreses un ielu saraksti ir parauga "
                "dati.</p>",
            },
        ),
        ("election_links", {"heading": "Vairāk", "links": election_links(children_page, language)}),
    ]


HOME_BODY_EN_HEADINGS = {
    "campaign_figures": {"heading": "Your vote in figures"},
    "story_teasers": {"heading": "Why I vote"},
    "where_to_vote": {
        "heading": "Where and when to vote",
        "text": "<p>All 12 polling stations in Liepāja. Sample addresses and street lists.</p>",
    },
    "election_links": {"heading": "More"},
}


def hero_picture():
    """Coloured cubes stacked into a house ("Let's build democracy together"), drawn here so
    the demo needs no photo of a real person."""
    width, height, cube = 1200, 900, 150
    picture = PILImage.new("RGB", (width, height), "#fbf9f4")
    draw = ImageDraw.Draw(picture)
    colours = ["#0b4f8a", "#f2b705", "#c8102e", "#005f66", "#5b2a86", "#1e6b2e"]
    # The walls: four rows of cubes; the roof: rows narrowing to one cube.
    rows = [(4, 5), (4, 5), (4, 5), (4, 5), (3, 4), (2, 3), (1, 2)]
    for row, (first, count) in enumerate(rows):
        y = height - 60 - (row + 1) * cube
        offset = (5 - count) * cube // 2
        for column in range(count):
            x = 225 + offset + column * cube
            colour = colours[(row * 2 + column + first) % len(colours)]
            draw.rectangle((x + 6, y + 6, x + cube - 6, y + cube - 6), fill=colour)
    output = BytesIO()
    picture.save(output, format="PNG")
    return output


def ensure_hero_image(site, stdout):
    Image = get_image_model()
    image = Image.objects.filter(title=HERO_IMAGE_TITLE).first()
    if image is None:
        image = Image(title=HERO_IMAGE_TITLE, collection=Collection.get_first_root_node())
        image.file = ImageFile(hero_picture(), name="krasainie-kubi.png")
        image.save()
    campaign = SiteSettings.for_site(site)
    campaign.hero_image = image
    campaign.save()
    stdout.write("  hero picture in the campaign settings")


def _with_call_to_action_page(body, page):
    """The content blocks with every call to action leading to `page`."""
    return [
        (kind, {**value, "page": page}) if kind == "call_to_action" else (kind, value)
        for kind, value in body
    ]


def _translate(page, fields):
    """Publish the page's English translation with these fields (its English slug too)."""
    english = Locale.objects.get(language_code="en")
    translation = page.get_translation_or_none(english) or page.copy_for_translation(english)
    translation = translation.specific
    for field, value in fields.items():
        setattr(translation, field, value)
    translation.show_in_menus = page.show_in_menus
    translation.save_revision().publish()


def _ensure_content_pages(home, how_to_vote, stdout):
    # The earlier demo had a plain "Kā balsot" content page where the how-to-vote page is now.
    ContentPage.objects.child_of(home).filter(slug="ka-balsot").delete()
    pages = {}
    for data in content_pages("lv"):
        page = ContentPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if page is None:
            page = home.add_child(instance=ContentPage(title=data["title"], slug=data["slug"]))
        body = _with_call_to_action_page(data["body"], how_to_vote)
        page.title, page.introduction, page.body = data["title"], data["introduction"], body
        page.show_in_menus = data["slug"] != "bernu-velesanas"
        page.save_revision().publish()
        pages[data["slug"]] = page
    stdout.write(f"  {len(pages)} content pages")
    return pages


def load(stdout):
    latvian, _ = Locale.objects.get_or_create(language_code="lv")
    english, _ = Locale.objects.get_or_create(language_code="en")
    # A flushed database (transactional tests) has lost even the trees' roots.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=latvian)
    )
    Collection.get_first_root_node() or Collection.add_root(name="Root")

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

    base_demo.load_site_settings(site, stdout)
    base_demo.load_editorial_setup(stdout)
    ensure_hero_image(site, stdout)

    home_en = home.get_translation_or_none(english)
    if home_en is None:
        home_en = home.copy_for_translation(english)
    home_en = home_en.specific
    for field, value in HOME_EN.items():
        setattr(home_en, field, value)
    home_en.save_revision().publish()

    how_to_vote = ensure_how_to_vote_pages(home, english, stdout)
    pages = _ensure_content_pages(home, how_to_vote, stdout)
    home.body = home_body(pages["bernu-velesanas"])
    home.save_revision().publish()

    # Translating the how-to-vote page added a child to the English home in the database;
    # saving a stale copy would reset its child count and hide that page.
    home_en.refresh_from_db()
    body_en = []
    for block_type, value in home_body(pages["bernu-velesanas"], "en"):
        body_en.append((block_type, {**value, **HOME_BODY_EN_HEADINGS.get(block_type, {})}))
    home_en.body = body_en
    home_en.save_revision().publish()
    how_to_vote_en = how_to_vote.get_translation_or_none(english) or how_to_vote
    for page, data in zip(pages.values(), content_pages("en"), strict=True):
        _translate(page, {**data, "body": _with_call_to_action_page(data["body"], how_to_vote_en)})
    stdout.write("  home page (lv) and its English translation")
