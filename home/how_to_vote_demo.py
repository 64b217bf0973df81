"""Sample content of the how-to-vote page, in Latvian and English. The facts follow Latvian
municipal elections (polling stations open 7:00–20:00, early voting on the three days
before, a passport or identity card); the street lists of the precincts are sample data."""

from wagtail.models import Locale

from home.models import HomePage, HowToVotePage

HOW_TO_VOTE_LV = {
    "title": "Kur un kā balsot",
    "slug": "ka-balsot",
    "introduction": (
        "Vēlēšanu diena, iepriekšējā balsošana, kas jāņem līdzi un kur ir Tavs iecirknis. "
        "Iecirkņu ielu saraksti ir parauga dati: pārbaudi savu iecirkni arī CVK vietnē."
    ),
    "early_voting": (
        "<p>Ja vēlēšanu dienā nevari atnākt, balso iepriekš: trīs dienas pirms vēlēšanām "
        "jebkurā Liepājas iecirknī (trešdien 17:00–20:00, ceturtdien 9:00–12:00, piektdien "
        "10:00–16:00; parauga laiki, precīzos publicē CVK).</p>"
    ),
    "what_to_bring": (
        "<ul><li>Derīgu pasi vai personas apliecību (eID karti).</li>"
        "<li>Neko citu: biļetenus un pildspalvu saņemsi iecirknī.</li></ul>"
    ),
    "accessibility": (
        "<p>Visi iecirkņi ir pieejami bez pakāpieniem vai ar uzbrauktuvi (parauga dati). "
        "Iecirkņa darbinieki palīdzēs, un kabīnē drīkst ņemt līdzi palīgu.</p>"
        "<p>Ja veselības dēļ nevari atnākt, pieprasi balsošanu savā dzīvesvietā: piesakies "
        "savā iecirknī līdz vēlēšanu dienas plkst. 12:00.</p>"
    ),
}
HOW_TO_VOTE_EN = {
    "title": "Where and how to vote",
    "slug": "how-to-vote",
    "introduction": (
        "Election day, early voting, what to bring and where your polling station is. The "
        "precincts' street lists are sample data: check your polling station with the CVK too."
    ),
    "early_voting": (
        "<p>If you cannot come on election day, vote early: on the three days before the "
        "election at any polling station in Liepāja (Wednesday 17:00–20:00, Thursday "
        "9:00–12:00, Friday 10:00–16:00; sample hours, the CVK publishes the exact ones).</p>"
    ),
    "what_to_bring": (
        "<ul><li>A valid passport or identity card (eID card).</li>"
        "<li>Nothing else: you get the ballot papers and a pen at the polling station.</li></ul>"
    ),
    "accessibility": (
        "<p>Every polling station has step-free access or a ramp (sample data). The staff will "
        "help, and you may bring a helper into the booth.</p>"
        "<p>If your health keeps you at home, ask to vote at home: tell your polling station "
        "by 12:00 on election day.</p>"
    ),
}


def ensure_how_to_vote_pages(home: HomePage, english: Locale, stdout) -> HowToVotePage:
    """The Latvian page under the home page and its English translation, both live."""
    page = HowToVotePage.objects.child_of(home).first()
    if page is None:
        page = home.add_child(instance=HowToVotePage(**HOW_TO_VOTE_LV))
    for field, value in HOW_TO_VOTE_LV.items():
        setattr(page, field, value)
    page.show_in_menus = True
    page.save_revision().publish()

    page_en = page.get_translation_or_none(english)
    if page_en is None:
        page_en = page.copy_for_translation(english)
    page_en = page_en.specific
    for field, value in HOW_TO_VOTE_EN.items():
        setattr(page_en, field, value)
    page_en.show_in_menus = True
    page_en.save_revision().publish()
    stdout.write("  how-to-vote page (lv, en)")
    return page
