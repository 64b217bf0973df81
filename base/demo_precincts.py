"""Liepāja's twelve adult polling precincts as sample data: the numbers and buildings match
the sample turnout breakdown (results/demo_data), the addresses and the street lists are
invented for the demo. The real lists come from the Central Election Commission."""

from base.models import District, Precinct

# number, building, address, district, streets served (sample)
PRECINCTS = [
    (
        "701",
        "Vecliepājas sākumskola",
        "Kungu iela 20, Liepāja",
        "Vecliepāja",
        ["Kungu iela", "Fišmaņa iela", "Peldu iela", "Baznīcas iela", "Tirgoņu iela"],
    ),
    (
        "702",
        "Liepājas Latviešu biedrības nams",
        "Rožu iela 5/7, Liepāja",
        "Vecliepāja",
        ["Rožu iela", "Graudu iela", "Lielā iela", "Kuršu iela", "Rožu laukums"],
    ),
    (
        "703",
        "Jaunliepājas sākumskola",
        "Parauga iela 12, Liepāja",
        "Jaunliepāja",
        ["Raiņa iela", "Ausekļa iela", "Alejas iela", "Kr. Valdemāra iela", "Ludviga iela"],
    ),
    (
        "704",
        "Karostas kultūras nams",
        "Ostas iela 3, Liepāja",
        "Karosta",
        ["Atmodas bulvāris", "Katedrāles iela", "Studentu iela", "Generāļa Baloža iela"],
    ),
    (
        "705",
        "Ziemeļu priekšpilsētas bibliotēka",
        "Tilta iela 8, Liepāja",
        "Ziemeļu priekšpilsēta",
        ["Ganību iela", "Tirzas iela", "Cukura iela", "Ventas iela"],
    ),
    (
        "706",
        "Tosmares sporta centrs",
        "Meža iela 20, Liepāja",
        "Tosmare",
        ["Ziemeļu iela", "Cīruļu iela", "Meldru iela", "Dzērves iela"],
    ),
    (
        "707",
        "Ezerkrastu tautas nams",
        "Ezera iela 15, Liepāja",
        "Ezerkrasts",
        ["Ezera iela", "Upes iela", "Niedru iela", "Krasta iela"],
    ),
    (
        "708",
        "Zaļās birzs ģimnāzija",
        "Zaļā iela 4, Liepāja",
        "Zaļā birzs",
        ["Zaļā iela", "Rucavas iela", "Nīcas iela", "Klaipēdas iela (1–99)"],
    ),
    (
        "709",
        "Dienvidrietumu sporta centrs",
        "Jūrmalas iela 9, Liepāja",
        "Dienvidrietumi",
        ["Jūrmalas iela", "Kapsēdes iela", "Dienvidu iela", "Klaipēdas iela (100–200)"],
    ),
    (
        "710",
        "Laumu vidusskola",
        "Vaiņodes iela 6, Liepāja",
        "Laumas",
        ["Vaiņodes iela", "Laumu iela", "Ķīšu iela", "Lauku iela"],
    ),
    (
        "711",
        "Līvu apkaimes centrs",
        "Līvu iela 2, Liepāja",
        "Līvas",
        ["Līvu iela", "Krūmu iela", "Cenkones iela", "Saulgriežu iela"],
    ),
    (
        "712",
        "Centrālā zinātniskā bibliotēka",
        "Zivju iela 7, Liepāja",
        "Vecliepāja",
        ["Zivju iela", "Dzirnavu iela", "Bāriņu iela", "Pasta iela", "Stūrmaņu iela"],
    ),
]


def load(stdout):
    districts = {district.name: district for district in District.objects.all()}
    for number, name, address, district, streets in PRECINCTS:
        Precinct.objects.update_or_create(
            number=number,
            defaults={
                "name": name,
                "address": address,
                "district": districts.get(district),
                "areas": "\n".join(streets),
            },
        )
    stdout.write(f"  {Precinct.objects.count()} adult precincts (sample street lists)")
