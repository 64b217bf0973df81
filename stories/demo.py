"""Sample stories: 30 invented residents across six districts, with generated abstract
portraits (clearly not real people), campaign-material collections, and English
translations of the story index and six stories. Safe to run again."""

import datetime
import random
from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageDraw

from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site

from base.models import District, SiteSettings
from stories import cards, posters
from stories.card_layout import CardText
from stories.models import Channel, ConsentMethod, StoryIndexPage, StoryPage

DISTRICT_NAMES = [
    "Vecliepāja",
    "Jaunliepāja",
    "Karosta",
    "Ziemeļu priekšpilsēta",
    "Tosmare",
    "Ezerkrasts",
]
TOPICS = ["skolas", "transports", "jaunieši", "vide", "kultūra", "drošība", "seniori"]
# An English translation carries its topics in English (its own tags, its own filter).
TOPICS_EN = {
    "skolas": "schools",
    "transports": "transport",
    "jaunieši": "young people",
    "vide": "environment",
    "kultūra": "culture",
    "drošība": "safety",
    "seniori": "older people",
}
# (invented first name, descriptor, quote) — sample content, no real residents.
RESIDENTS = [
    ("Ilze", "skolotāja, 41", "Es balsoju, jo mani skolēni skatās, ko darām mēs, pieaugušie."),
    ("Mārtiņš", "ostas strādnieks, 35", "Balsoju, lai Karostā būtu gaišas ielas un droši ceļi."),
    ("Agnese", "studente, 20", "Mana pirmā reize. Gribu, lai jauniešiem ir kur palikt Liepājā."),
    ("Jānis", "pensionārs, 72", "Esmu balsojis katrās vēlēšanās. Tā ir mana pilsēta."),
    ("Līga", "mamma, 33", "Balsoju, lai bērnudārzā pietiek vietu visiem bērniem."),
    ("Edgars", "mūziķis, 29", "Kultūra pilsētā nerodas pati. Es balsoju par to."),
    ("Santa", "medmāsa, 46", "Redzu, ko nozīmē laba veselības aprūpe. Tāpēc balsoju."),
    ("Kārlis", "skolnieks, 18", "Beidzot varu balsot! Un es to izmantošu."),
    ("Dace", "pārdevēja, 52", "Mana balss ir tikpat svarīga kā jebkura cita."),
    ("Roberts", "IT speciālists, 31", "Liepāja var būt vieta, kur atgriezties. Balsoju par to."),
    ("Inese", "bibliotekāre, 58", "Balsoju, jo zināšanas un kopiena ir pilsētas sirds."),
    ("Andris", "zvejnieks, 63", "Jūra ir mūsu dzīve. Gribu, lai pludmale paliek tīra."),
    ("Evija", "dizainere, 27", "Skaista pilsēta sākas ar cilvēkiem, kuri nav vienaldzīgi."),
    ("Gatis", "šoferis, 44", "Sabiedriskais transports man ir svarīgs. Es balsoju."),
    ("Zane", "ārste, 39", "Balsot ir tik vienkārši. Desmit minūtes, un pilsēta dzird."),
    ("Oskars", "sportists, 24", "Gribu jaunus stadionus un parkus. Tāpēc eju balsot."),
    ("Ieva", "vecmāmiņa, 67", "Balsoju kopā ar mazbērniem — lai viņi redz, kā tas notiek."),
    ("Raivis", "uzņēmējs, 48", "Mazie uzņēmumi veido pilsētu. Mana balss ir par tiem."),
    ("Kristīne", "sociālā darbiniece, 36", "Balsoju par tiem, kuru balss ir klusāka."),
    ("Artūrs", "students, 22", "Ja nebalsosim mēs, par mums izlems citi."),
    ("Laura", "frizierīte, 30", "Mana iela, mani kaimiņi, mana balss. Tik vienkārši."),
    ("Valdis", "elektriķis, 55", "Esmu redzējis, ka balsis maina lēmumus. Balsoju."),
    ("Madara", "audzinātāja, 34", "Bērni jautā, kas ir vēlēšanas. Es parādu, aizejot balsot."),
    ("Ģirts", "ugunsdzēsējs, 42", "Drošība pilsētā sākas ar līdzdalību. Esmu klāt."),
    ("Anita", "grāmatvede, 50", "Es skaitu ciparus katru dienu. Katrai balsij ir nozīme."),
    ("Toms", "jaunietis, 19", "Es gribu, lai jauniešu centrs ir atvērts arī vakaros."),
    ("Sandra", "dārzniece, 61", "Zaļa pilsēta ir laimīga pilsēta. Par to balsoju."),
    ("Rihards", "pavārs, 37", "Liepāja garšo labi, ja mēs paši to veidojam. Balso!"),
    ("Elīna", "māksliniece, 26", "Katra balss ir kā krāsa lielā kopīgā gleznā."),
    ("Juris", "tramvaja vadītājs, 59", "Pa tramvaja logu redzu visu pilsētu. Balsoju par to."),
]
TRANSLATED = {
    "Ilze": ("teacher, 41", "I vote because my pupils watch what we grown-ups do."),
    "Mārtiņš": ("dock worker, 35", "I vote for bright streets and safe roads in Karosta."),
    "Agnese": ("student, 20", "My first time. I want young people to have a reason to stay."),
    "Jānis": ("pensioner, 72", "I have voted in every election. This is my city."),
    "Līga": ("mother, 33", "I vote so that every child gets a kindergarten place."),
    "Edgars": ("musician, 29", "Culture in a city does not appear by itself. I vote for it."),
}


def abstract_portrait(seed, size=600):
    """A generated avatar made of shapes — unmistakably not a photograph of anyone."""
    rng = random.Random(seed)  # noqa: S311 - shapes for a sample picture, not security
    background = tuple(rng.randint(150, 235) for _ in range(3))
    figure = tuple(rng.randint(20, 120) for _ in range(3))
    picture = PILImage.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(picture)
    for _ in range(6):
        x, y, r = rng.randint(0, size), rng.randint(0, size), rng.randint(30, 120)
        tint = tuple(min(channel + rng.randint(-30, 30), 255) for channel in background)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tint)
    centre_x = size // 2 + rng.randint(-80, 80)
    head = size // 7
    draw.ellipse((centre_x - head, 170, centre_x + head, 170 + 2 * head), fill=figure)
    draw.pieslice(
        (centre_x - 2.2 * head, 200 + 2 * head, centre_x + 2.2 * head, 200 + 6 * head),
        180,
        360,
        fill=figure,
    )
    output = BytesIO()
    picture.save(output, format="PNG")
    return output, (centre_x, 170 + head)


def ensure_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(instance=Collection(name=name))


def ensure_image(title, collection, make_file, tags, focal=None, focal_size=120):
    image = Image.objects.filter(title=title).first()
    if image is None:
        data, focal_point = make_file()
        image = Image(title=title, collection=collection)
        image.file = ImageFile(data, name=f"{slugify(title)}.png")
        focal = focal or focal_point
        if focal:
            image.focal_point_x, image.focal_point_y = focal
            image.focal_point_width = image.focal_point_height = focal_size
        image.save()
    image.tags.set(tags)
    return image


def branded_logo():
    picture = PILImage.new("RGB", (400, 400), cards.PRIMARY)
    cards.draw_brand_pattern(picture, (0, 0, 400, 400))
    output = BytesIO()
    picture.save(output, format="PNG")
    return output, None


def branded_share_image():
    text = CardText(quote="Tava balss veido pilsētu.", name="", brand=cards.CAMPAIGN_NAME)
    png = cards.render_card("1200x630", text)
    return BytesIO(png), None


def ensure_story_index(home, english):
    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=StoryIndexPage(title="Iedzīvotāju stāsti", slug="stasti"))
    index.title = "Iedzīvotāju stāsti"
    index.introduction = (
        "Kāpēc es balsoju? Trīsdesmit liepājnieku atbildes. Visi stāsti un vārdi ir izdomāti: "
        "šis ir parauga saturs."
    )
    index.stories_per_page = 12
    index.show_in_menus = True
    # The home app's "how to vote" page, found by its address (this app does not import home).
    vote_page = Page.objects.child_of(home).filter(slug="ka-balsot").first()
    index.vote_page = vote_page
    index.save_revision().publish()

    index_en = index.get_translation_or_none(english)
    if index_en is None:
        index_en = index.copy_for_translation(english)
    index_en = index_en.specific
    index_en.title, index_en.slug = "Residents' stories", "stories"
    index_en.show_in_menus = True
    index_en.vote_page = vote_page and (vote_page.get_translation_or_none(english) or vote_page)
    index_en.introduction = (
        "Why do I vote? Liepāja residents answer. All stories and names are invented: "
        "this is sample content."
    )
    index_en.save_revision().publish()
    return index


def story_fields(number, resident, districts, photos):
    name, descriptor, quote = resident
    rng = random.Random(number)  # noqa: S311 - sample data, not security
    district = districts[number % len(districts)]
    portrait = ensure_image(
        f"Parauga portrets {number + 1:02d}: {name}",
        photos,
        lambda: abstract_portrait(number),
        ["portrets", "paraugs"],
    )
    return {
        "title": f"{name}: kāpēc es balsoju",
        "display_name": name,
        "descriptor": descriptor,
        "district": district,
        "portrait": portrait,
        "quote": quote,
        "body": [
            (
                "text",
                f"<p>{name} ({district.name}) ir izdomāts tēls: šis parauga stāsts rāda, "
                "kā kampaņas komanda stāsta par iedzīvotājiem.</p>",
            ),
        ],
        "channels": rng.sample([choice.value for choice in Channel], rng.randint(1, 3)),
        "featured": number % 7 == 0,
        "consent_date": datetime.date(2025, 3, 1) + datetime.timedelta(days=number),
        "consent_method": list(ConsentMethod)[number % len(ConsentMethod)].value,
    }, [TOPICS[number % len(TOPICS)], TOPICS[(number * 3 + 1) % len(TOPICS)]]


def ensure_story(index, slug, fields, topics):
    story = StoryPage.objects.child_of(index).filter(slug=slug).first()
    if story is None:
        story = index.add_child(instance=StoryPage(slug=slug, **fields))
    for field, value in fields.items():
        setattr(story, field, value)
    story.tags.set(topics)
    story.save_revision().publish()
    return story


def translate_story(story, english, descriptor, quote):
    story_en = story.get_translation_or_none(english)
    if story_en is None:
        story_en = story.copy_for_translation(english)
    story_en = story_en.specific
    story_en.title = f"{story.display_name}: why I vote"
    story_en.descriptor, story_en.quote = descriptor, quote
    story_en.body = [
        (
            "text",
            f"<p>{story.display_name} lives in {story.district.name_en or story.district.name}. "
            "This is an invented "
            "sample story showing how the campaign team tells residents' stories.</p>",
        ),
    ]
    story_en.tags.set([TOPICS_EN.get(tag.name, tag.name) for tag in story.tags.all()])
    story_en.save_revision().publish()


def load(stdout):
    english = Locale.objects.get(language_code="en")
    # The default site's root is the Latvian home page that home's demo made (found through
    # the site so this app stays independent of `home`).
    site = Site.objects.get(is_default_site=True)
    home = site.root_page
    collections = {name: ensure_collection(name) for name in ("Plakāti", "Logo", "Foto")}
    logo = ensure_image("Kampaņas logo (paraugs)", collections["Logo"], branded_logo, ["logo"])
    share = ensure_image(
        "Kampaņas dalīšanās attēls", collections["Logo"], branded_share_image, ["sociālie tīkli"]
    )
    campaign = SiteSettings.for_site(site)
    campaign.logo, campaign.default_share_image = logo, share
    campaign.save()

    districts = [District.objects.get(name=name) for name in DISTRICT_NAMES]
    index = ensure_story_index(home, english)
    stories = []
    for number, resident in enumerate(RESIDENTS):
        fields, topics = story_fields(number, resident, districts, collections["Foto"])
        slug = slugify(f"{resident[0]}-{number + 1}")
        stories.append(ensure_story(index, slug, fields, topics))
    stdout.write(f"  {len(stories)} sample stories in {len(districts)} districts")

    for story in stories:
        if story.display_name in TRANSLATED:
            translate_story(story, english, *TRANSLATED[story.display_name])
    stdout.write(f"  {len(TRANSLATED)} stories translated into English")

    poster = Document.objects.filter(title="Plakāts: Ilze (paraugs)").first()
    if poster is None:
        poster = Document(title="Plakāts: Ilze (paraugs)", collection=collections["Plakāti"])
        poster.file.save("plakats-ilze.pdf", BytesIO(posters.story_poster_pdf(stories[0])))
    poster.tags.set(["plakāts", "paraugs"])
    stdout.write("  collections Plakāti, Logo, Foto with tagged campaign materials")
