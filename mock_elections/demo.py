"""Sample children's election modelled on Liepāja 2025, plus a rehearsal.

Everything here is invented sample content: the adult precinct numbers and names, the
groups and adult contacts. Pictures are drawn with Pillow (simple shapes in strong colours)
so the demo needs no files. Safe to run again: it updates, never duplicates.
"""

import datetime
import io
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Collection

from base.demo import DEMO_DESK_VOLUNTEERS
from base.models import District

from . import services
from .models import (
    BallotOption,
    BallotQuestion,
    EasyReadWording,
    Election,
    ElectionTransition,
    PollingStation,
    QuestionProposal,
)
from .pictograms import draw_picture

RIGA = ZoneInfo("Europe/Riga")
COLLECTION_NAME = "Bērnu vēlēšanas"
ELECTION_SLUG = "berni-2025"
REHEARSAL_SLUG = "meginajums-2025"
ELECTION_DAY = datetime.date(2025, 6, 7)


def riga(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=RIGA)


# (district, station, address, adult precinct number and name, theme, motto, colours, shape)
# The stations' and themes' English names, for English pages.
STATIONS_EN = {
    "Vecliepājas bērnu iecirknis": ("Old Liepāja children's polling station", "Colourful cubes"),
    "Jaunliepājas bērnu iecirknis": ("New Liepāja children's polling station", "Sea station"),
    "Karostas bērnu iecirknis": ("Karosta children's polling station", "Lighthouse"),
    "Ziemeļu priekšpilsētas bērnu iecirknis": (
        "Northern Suburb children's polling station",
        "Bridge",
    ),
    "Tosmares bērnu iecirknis": ("Tosmare children's polling station", "Tree"),
    "Ezerkrasta bērnu iecirknis": ("Lakeshore children's polling station", "Lake birds"),
}
STATIONS = [
    (
        "Vecliepāja",
        "Vecliepājas bērnu iecirknis",
        "Rožu iela 5, Liepāja",
        "702",
        "Liepājas Latviešu biedrības nams",
        "Krāsainie kubi",
        "Būvēsim demokrātiju kopā",
        ("#0b4f8a", "#f2b705"),
        "cubes",
        "Katrs krāsainais kubs ir viens cilvēks: kopā tie veido māju, kurā vietas pietiek visiem.",
    ),
    (
        "Jaunliepāja",
        "Jaunliepājas bērnu iecirknis",
        "Parauga iela 12, Liepāja",
        "703",
        "Jaunliepājas sākumskola (parauga dati)",
        "Jūras stacija",
        "Katra balss kā vilnis",
        ("#005f66", "#8fd3d9"),
        "waves",
        "Viļņi, kas atnāk krastā viens pēc otra: tā arī balsis kopā kļūst stipras.",
    ),
    (
        "Karosta",
        "Karostas bērnu iecirknis",
        "Ostas iela 3, Liepāja",
        "704",
        "Karostas kultūras nams (parauga dati)",
        "Bāka",
        "Mana balss rāda ceļu",
        ("#a00018", "#ffd166"),
        "lighthouse",
        "Bāka rāda ceļu kuģiem; bērnu balss rāda ceļu pilsētai.",
    ),
    (
        "Ziemeļu priekšpilsēta",
        "Ziemeļu priekšpilsētas bērnu iecirknis",
        "Tilta iela 8, Liepāja",
        "705",
        "Ziemeļu priekšpilsētas bibliotēka (parauga dati)",
        "Tilts",
        "Savienosim krastus",
        ("#5b2a86", "#f4a259"),
        "bridge",
        "Tilts pār kanālu savieno abus pilsētas krastus, tāpat kā sarunas savieno cilvēkus.",
    ),
    (
        "Tosmare",
        "Tosmares bērnu iecirknis",
        "Meža iela 20, Liepāja",
        "706",
        "Tosmares sporta centrs (parauga dati)",
        "Koks",
        "Augam kopā",
        ("#1e6b2e", "#b5e48c"),
        "tree",
        "Koks ar daudzām lapām: katra lapa ir viena bērna doma.",
    ),
    (
        "Ezerkrasts",
        "Ezerkrasta bērnu iecirknis",
        "Ezera iela 15, Liepāja",
        "707",
        "Ezerkrasta vidusskola (parauga dati)",
        "Ezera putni",
        "Lidojam augstāk",
        ("#7a3b00", "#ffb703"),
        "bird",
        "Putni virs Liepājas ezera: kopā lidojot, tie tiek tālāk.",
    ),
]

# Questions the children chose: (lv, en, easy-read lv, easy-read en, options)
# and each option: (lv, en, colour, shape).
QUESTIONS = [
    (
        "Ko vajadzētu ierīkot jaunajā apkaimes parkā?",
        "What should the new neighbourhood park get?",
        "Ko likt parkā?",
        "What goes in the park?",
        [
            ("Rotaļu laukumu", "A playground", "#c8102e", "triangle"),
            ("Skeitparku", "A skate park", "#0b4f8a", "wave"),
            ("Suņu pastaigu laukumu", "A dog park", "#7a3b00", "circle"),
            ("Puķu dārzu", "A flower garden", "#1e6b2e", "flower"),
        ],
    ),
    (
        "Kam pilsētai nākamgad vajadzētu tērēt vairāk naudas?",
        "What should the city spend more money on next year?",
        "Kas pilsētai vajag vairāk?",
        "What does the city need more of?",
        [
            ("Veloceliņiem", "Cycle paths", "#005f66", "wheel"),
            ("Bibliotēkām", "Libraries", "#5b2a86", "book"),
            ("Sporta laukumiem", "Sports grounds", "#a00018", "ball"),
        ],
    ),
    (
        "Vai katrā skolas stāvā vajadzētu būt dzeramā ūdens krānam?",
        "Should every school floor have a drinking-water tap?",
        "Vai skolā vajag vairāk ūdens krānu?",
        "Does school need more water taps?",
        [
            ("Jā", "Yes", "#1e6b2e", "tick"),
            ("Nē", "No", "#a00018", "cross"),
        ],
    ),
]

PROPOSALS_SENT_AT = datetime.datetime(2025, 3, 14, 12, 0, tzinfo=RIGA)

# (question, why, group, adult contact, the question it became by position, or None)
PROPOSALS = [
    (
        "Ko ierīkot jaunajā parkā?",
        "Mūsu apkaimē nav, kur spēlēties pēc skolas.",
        "Vecliepājas sākumskolas 3.a klase (parauga dati)",
        "Anna Paraudziņa",
        0,
    ),
    (
        "Kam pilsētai tērēt vairāk naudas?",
        "Gribam, lai pieaugušie zina, kas bērniem svarīgs.",
        "Karostas jauniešu centrs (parauga dati)",
        "Jānis Piemērs",
        1,
    ),
    (
        "Vai skolā var būt vairāk ūdens krānu?",
        "Starpbrīdī pie vienīgā krāna ir gara rinda.",
        "Tosmares pamatskolas 5.b klase (parauga dati)",
        "Līga Paraudziņa",
        2,
    ),
    (
        "Vai skolas brīvlaiku var pagarināt?",
        "Vasarā gribam ilgāk būt pie jūras.",
        "Ezerkrasta vidusskolas 6.c klase (parauga dati)",
        "Pēteris Piemērs",
        None,
    ),
    (
        "Kādu krāsu krāsot Liepājas autobusus?",
        "Lai pilsēta būtu jautrāka.",
        "Jaunliepājas bērnu studija (parauga dati)",
        "Marta Paraudziņa",
        None,
    ),
]


def load(stdout):
    collection = demo_collection()
    election = load_election(collection)
    stdout.write(
        f"  {election.title}: {election.stations.count()} stations, "
        f"{election.questions.count()} questions, {election.proposals.count()} proposals"
    )
    rehearsal = load_rehearsal(election)
    stdout.write(f"  rehearsal {rehearsal.slug}: {rehearsal.stations.count()} station")


def demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def load_election(collection):
    election, _created = Election.objects.update_or_create(
        slug=ELECTION_SLUG,
        defaults={
            "title": "Demokrātija sākas ģimenē",
            "title_en": "Democracy starts in the family",
            "election_date": ELECTION_DAY,
            "voting_opens_at": riga(ELECTION_DAY, 7),
            "voting_closes_at": riga(ELECTION_DAY, 20),
            "results_release_at": riga(ELECTION_DAY, 20, 30),
            "show_public_counter": True,
            "is_rehearsal": False,
        },
    )
    # Built as a draft, then given election day's history: opened before 7:00, closed at 20:00.
    election.districts.set(District.objects.filter(name__in=[row[0] for row in STATIONS]))
    election.save()
    bands = {band.min_age: band for band in services.create_default_age_bands(election)}

    for row in STATIONS:
        load_station(election, collection, *row)
    for position, row in enumerate(QUESTIONS):
        load_question(election, collection, bands[5], position, *row)
    for row in PROPOSALS:
        load_proposal(election, *row)

    if election.status == Election.Status.DRAFT:
        Election.objects.filter(pk=election.pk).update(status=Election.Status.CLOSED)
        election.refresh_from_db()
    for from_status, to_status, at in [
        (Election.Status.DRAFT, Election.Status.OPEN, riga(ELECTION_DAY, 6, 50)),
        (Election.Status.OPEN, Election.Status.CLOSED, riga(ELECTION_DAY, 20, 1)),
    ]:
        ElectionTransition.objects.get_or_create(
            election=election, from_status=from_status, to_status=to_status, defaults={"at": at}
        )
    return election


def load_station(
    election,
    collection,
    district_name,
    name,
    address,
    precinct_number,
    precinct_name,
    theme,
    motto,
    colours,
    shape,
    about,
):
    primary, accent = colours
    illustration = demo_image(collection, f"{name} — {theme}", theme, primary, shape, accent)
    PollingStation.objects.update_or_create(
        election=election,
        name=name,
        defaults={
            "district": District.objects.get(name=district_name),
            "address": address,
            "opening_hours": "7:00–20:00",
            "adult_precinct_number": precinct_number,
            "adult_precinct_name": precinct_name,
            "name_en": STATIONS_EN.get(name, ("", ""))[0],
            "theme_name": theme,
            "theme_name_en": STATIONS_EN.get(name, ("", ""))[1],
            "theme_motto": motto,
            "theme_primary_colour": primary,
            "theme_accent_colour": accent,
            "theme_illustration": illustration,
            "theme_description": about,
            "status": PollingStation.Status.CLOSED,
            "opened_at": riga(ELECTION_DAY, 7),
            "closed_at": riga(ELECTION_DAY, 20),
        },
    )


def load_question(
    election, collection, easy_read_band, position, text, text_en, easy, easy_en, options
):
    question, _created = BallotQuestion.objects.update_or_create(
        election=election,
        sort_order=position,
        defaults={"text": text, "text_en": text_en, "offers_abstain": True},
    )
    for option_position, (label, label_en, colour, shape) in enumerate(options):
        BallotOption.objects.update_or_create(
            question=question,
            sort_order=option_position,
            defaults={
                "label": label,
                "label_en": label_en,
                "picture": demo_image(collection, f"{label} ({text_en})", label, colour, shape),
            },
        )
    EasyReadWording.objects.update_or_create(
        question=question, age_band=easy_read_band, defaults={"text": easy, "text_en": easy_en}
    )
    return question


def load_proposal(election, question_text, reason, group, contact, promoted_position):
    promoted = (
        None if promoted_position is None else election.questions.get(sort_order=promoted_position)
    )
    proposal, _created = QuestionProposal.objects.update_or_create(
        election=election,
        question_text=question_text,
        defaults={
            "reason": reason,
            "group_name": group,
            "contact_name": contact,
            "contact_email": f"{slugify(contact)}@example.org",
            "consent_at": PROPOSALS_SENT_AT,
            "status": (
                QuestionProposal.Status.DECLINED
                if promoted is None
                else QuestionProposal.Status.PROMOTED
            ),
            "promoted_question": promoted,
        },
    )
    # Sent in March, not when the demo is loaded (submitted_at is set on creation).
    QuestionProposal.objects.filter(pk=proposal.pk).update(submitted_at=PROPOSALS_SENT_AT)
    if promoted is not None:
        BallotQuestion.objects.filter(pk=promoted.pk).update(proposed_by=group)
    return proposal


def load_rehearsal(election):
    """A practice run for volunteers: open, one station, one question; never public."""
    rehearsal_day = ELECTION_DAY - datetime.timedelta(days=2)
    rehearsal, _created = Election.objects.update_or_create(
        slug=REHEARSAL_SLUG,
        defaults={
            "title": "Mēģinājums: bērnu vēlēšanas",
            "title_en": "Rehearsal: children's election",
            "election_date": rehearsal_day,
            "voting_opens_at": riga(rehearsal_day, 10),
            "voting_closes_at": riga(rehearsal_day, 14),
            "results_release_at": riga(rehearsal_day, 14),
            "is_rehearsal": True,
        },
    )
    karosta = District.objects.get(name="Karosta")
    rehearsal.districts.set([karosta])
    rehearsal.save()
    services.create_default_age_bands(rehearsal)
    station, _created = PollingStation.objects.update_or_create(
        election=rehearsal,
        name="Mēģinājuma iecirknis",
        defaults={
            "district": karosta,
            "address": "Ostas iela 3, Liepāja",
            "opening_hours": "10:00–14:00",
            "adult_precinct_number": "704",
            "adult_precinct_name": "Karostas kultūras nams (parauga dati)",
            "theme_name": "Mēģinājums",
        },
    )
    # The demo volunteers' logins (made only with the dev settings) run this station's desk,
    # two of them so the two-person paper count can be walked.
    station.desk_volunteers.add(*get_user_model().objects.filter(username__in=DEMO_DESK_VOLUNTEERS))
    source = election.questions.get(sort_order=len(QUESTIONS) - 1)
    question, _created = BallotQuestion.objects.update_or_create(
        election=rehearsal,
        sort_order=0,
        defaults={"text": source.text, "text_en": source.text_en},
    )
    for option in source.options.all():
        BallotOption.objects.update_or_create(
            question=question,
            sort_order=option.sort_order,
            defaults={
                "label": option.label,
                "label_en": option.label_en,
                "picture": option.picture,
            },
        )
    if rehearsal.status == Election.Status.DRAFT:
        services.open_election(rehearsal, by=None)
    return rehearsal


# Pictures


def demo_image(collection, title, alt_text, colour, shape, background="#ffffff"):
    """A Wagtail image of one big shape, made once and found by title afterwards."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    png = io.BytesIO()
    draw_picture(colour, shape, background).save(png, format="PNG")
    return Image.objects.create(
        title=title,
        description=alt_text,
        collection=collection,
        file=ImageFile(png, name=f"{slugify(title)[:60]}.png"),
    )
