"""The campaign home page in Latvian with its English translation, replacing Wagtail's
welcome page as the site root, and three sample content pages."""

from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.models import Collection, Locale, Page, Site

from base import demo as base_demo
from base.models import ContentPage
from home.demo_en import CONTENT_PAGES_EN
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
# Sample adult precincts (invented numbers and addresses) for "where and when to vote".
SAMPLE_PRECINCTS = [
    ("702", "Liepājas Latviešu biedrības nams", "Rožu iela 5/7, Vecliepāja"),
    ("703", "Jaunliepājas sākumskola (parauga dati)", "Parauga iela 12, Jaunliepāja"),
    ("704", "Karostas kultūras nams (parauga dati)", "Ostas iela 3, Karosta"),
    (
        "705",
        "Ziemeļu priekšpilsētas bibliotēka (parauga dati)",
        "Tilta iela 8, Ziemeļu priekšpilsēta",
    ),
    ("706", "Tosmares sporta centrs (parauga dati)", "Meža iela 20, Tosmare"),
    ("707", "Ezerkrasta vidusskola (parauga dati)", "Ezera iela 15, Ezerkrasts"),
]


def _reverse_or_none(name, language):
    """The address of another app's public page, if that app provides it (it may not yet)."""
    try:
        with translation.override(language):
            return reverse(name)
    except NoReverseMatch:
        return None


def content_pages(language):
    """Three sample content pages: about the campaign, how to vote, the children's election."""
    if language == "en":
        return CONTENT_PAGES_EN
    return [
        {
            "title": "Par kampaņu",
            "slug": "par-kampanu",
            "introduction": (
                "“Liepāja ir Tava balss!” aicina katru liepājnieku piedalīties pašvaldības "
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
            "title": "Kā balsot",
            "slug": "ka-balsot",
            "introduction": "Viss, kas jāzina vēlēšanu dienā. Šī ir parauga lapa.",
            "body": [
                (
                    "faq",
                    {
                        "heading": "Biežāk uzdotie jautājumi",
                        "items": [
                            {
                                "question": "Kas man jāņem līdzi?",
                                "answer": "<p>Derīga pase vai personas apliecība (eID karte).</p>",
                            },
                            {
                                "question": "Kur es varu balsot?",
                                "answer": "<p>Jebkurā Liepājas vēlēšanu iecirknī.</p>",
                            },
                            {
                                "question": "Vai varu ņemt līdzi bērnus?",
                                "answer": "<p>Jā! Blakus sešiem iecirkņiem darbosies bērnu "
                                "vēlēšanu iecirkņi.</p>",
                            },
                        ],
                    },
                ),
                (
                    "table",
                    {
                        "caption": "Iecirkņu darba laiks (paraugs)",
                        "table": {
                            "columns": [
                                {"type": "text", "heading": "Diena"},
                                {"type": "text", "heading": "Laiks"},
                            ],
                            "rows": [
                                {"values": ["Vēlēšanu diena", "7:00–20:00"]},
                                {"values": ["Iepriekšējā balsošana", "9:00–13:00"]},
                            ],
                        },
                    },
                ),
            ],
        },
        {
            "title": "Bērnu vēlēšanas",
            "slug": "bernu-velesanas",
            "introduction": (
                "“Demokrātija sākas ģimenē”: bērni un jaunieši balso par jautājumiem, ko paši "
                "izvēlējušies. Šī ir parauga lapa."
            ),
            "body": [
                (
                    "text",
                    "<p>Sešos mikrorajonos blakus pieaugušo iecirkņiem darbosies "
                    "Mākslas akadēmijas studentu veidoti bērnu iecirkņi.</p>",
                ),
                (
                    "call_to_action",
                    {
                        "heading": "Nāc kopā ar ģimeni",
                        "text": "Bērni balso planšetē ar QR biļetenu.",
                        "button_text": "Par kampaņu",
                        "link_url": "https://example.com/liepaja-tava-balss",
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
        ("campaign_figures", {"heading": "Mūsu mērķis"}),
        ("story_teasers", {"heading": "Kāpēc es balsoju", "stories": [], "count": 3}),
        (
            "where_to_vote",
            {
                "heading": "Kur un kad balsot",
                "text": "<p>Adreses ir parauga dati.</p>",
                "stations": [
                    {
                        "number": number,
                        "name": name,
                        "address": address,
                        "opening_hours": "7:00–20:00",
                    }
                    for number, name, address in SAMPLE_PRECINCTS
                ],
            },
        ),
        ("election_links", {"heading": "Vairāk", "links": election_links(children_page, language)}),
    ]


HOME_BODY_EN_HEADINGS = {
    "campaign_figures": {"heading": "Our goal"},
    "story_teasers": {"heading": "Why I vote"},
    "where_to_vote": {"heading": "Where and when to vote", "text": "<p>Sample addresses.</p>"},
    "election_links": {"heading": "More"},
}


def _translate(page, fields):
    """Publish the page's English translation with these fields (its English slug too)."""
    english = Locale.objects.get(language_code="en")
    translation = page.get_translation_or_none(english) or page.copy_for_translation(english)
    translation = translation.specific
    for field, value in fields.items():
        setattr(translation, field, value)
    translation.show_in_menus = page.show_in_menus
    translation.save_revision().publish()


def _ensure_content_pages(home, stdout):
    pages = {}
    for data in content_pages("lv"):
        page = ContentPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if page is None:
            page = home.add_child(instance=ContentPage(title=data["title"], slug=data["slug"]))
        page.title, page.introduction, page.body = data["title"], data["introduction"], data["body"]
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
    pages = _ensure_content_pages(home, stdout)
    home.body = home_body(pages["bernu-velesanas"])
    home.save_revision().publish()

    home_en = home.get_translation_or_none(english)
    if home_en is None:
        home_en = home.copy_for_translation(english)
    home_en = home_en.specific
    for field, value in HOME_EN.items():
        setattr(home_en, field, value)
    body_en = []
    for block_type, value in home_body(pages["bernu-velesanas"], "en"):
        body_en.append((block_type, {**value, **HOME_BODY_EN_HEADINGS.get(block_type, {})}))
    home_en.body = body_en
    home_en.save_revision().publish()
    for page, data in zip(pages.values(), content_pages("en"), strict=True):
        _translate(page, data)
    stdout.write("  home page (lv) and its English translation")
