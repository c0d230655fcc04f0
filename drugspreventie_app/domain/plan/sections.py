"""The plan's sections in order, with the guiding questions the editor shows for each.

The questions follow the Modelplan lokaal drugsbeleid and the step plan in the Wat werkt
dossier drugs (Trimbos/RIVM 2023, §6.4) and the Aalten exploration (Trimbos 2021), in our
own words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    id: str
    number: int
    title: str
    questions: tuple[str, ...]


SECTIONS: tuple[Section, ...] = (
    Section(
        "algemeen",
        0,
        "Algemeen",
        (
            "Voor welke gemeente en welke periode geldt het plan (meestal vier jaar)?",
            "Gaat het plan over alcohol, drugs of allebei?",
        ),
    ),
    Section(
        "inleiding",
        1,
        "Inleiding",
        (
            "Waarom komt er nu een plan: een motie, een wetswijziging, een initiatief of "
            "signalen uit de samenleving?",
            "Binnen welke landelijke wetten en lokale plannen past dit plan?",
            "Wat valt wel en wat valt niet onder dit plan (definities)?",
        ),
    ),
    Section(
        "beleidsfocus",
        2,
        "Beleidsfocus",
        (
            "Vanuit welke visie en missie werkt de gemeente: wanneer is gebruik een probleem, "
            "en voor wie?",
            "Welk model kiest u als kapstok (bijvoorbeeld de vier pijlers van het RIVM)?",
            "Hoe verbindt u zorg en veiligheid, en hoe sluit u aan bij landelijk beleid?",
        ),
    ),
    Section(
        "lokale_situatie",
        3,
        "Beschrijving lokale situatie",
        (
            "Wat is het probleem precies? Welke lokale en landelijke cijfers laten dat zien?",
            "Wat zien professionals in de praktijk, en wat betekenen cijfers en signalen samen?",
            "Bij welke doelgroepen spelen de problemen, en waar zijn zij te vinden?",
            "Wat gebeurt er als we niets doen?",
            "Welke partijen hebben nu een rol, welke rol zouden ze moeten hebben, en wie "
            "ontbreekt nog?",
        ),
    ),
    Section(
        "doelen",
        4,
        "Doelen en prioriteiten",
        (
            "Wat wil je bereiken? Welke maatschappelijke situatie streeft de gemeente na?",
            "Welke subdoelen horen daarbij, met een indicator, een nulmeting en een streefwaarde?",
            "Wat heeft voorrang in deze periode?",
        ),
    ),
    Section(
        "acties",
        5,
        "Acties",
        (
            "Hoe wil je dat bereiken? Welke effectieve interventies en maatregelen zet u in, "
            "op elk preventieniveau?",
            "Wat wil je dat specifieke partijen doen? Wie heb je daarbij nodig?",
            "Hoe leggen de uitvoerders verantwoording af?",
        ),
    ),
    Section(
        "handhaving",
        6,
        "Handhaving",
        (
            "Welke regels gelden (APV, Alcoholwet, huisregels) en hoe wordt erop toegezien?",
            "Wie is verantwoordelijk, met welk instrument en hoe vaak?",
        ),
    ),
    Section(
        "evaluatie",
        7,
        "Monitoring en evaluatie",
        (
            "Hoe volgt u jaarlijks de uitvoering, en wanneer evalueert u halverwege?",
            "Hoe beoordeelt u na de periode of de doelen zijn gehaald, en waarom wel of niet?",
            "Welke sleutelfiguren verzamelen de gegevens?",
        ),
    ),
    Section(
        "communicatie",
        8,
        "Communicatie",
        (
            "Wat wilt u met communicatie bereiken, en bij wie?",
            "Via welke kanalen, en hoe voorkomt u dat aandacht nieuwsgierig maakt?",
        ),
    ),
)

SECTION_BY_ID = {s.id: s for s in SECTIONS}
