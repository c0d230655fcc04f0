"""The fixed choices the plan editor offers, from the Modelplan lokaal drugsbeleid and the
Wat werkt dossier drugs (Trimbos/RIVM 2023). Keys are stored; labels are shown."""

from __future__ import annotations

REIKWIJDTE = {"alcohol": "Alcohol", "drugs": "Drugs", "beide": "Alcohol en drugs"}
STATUS = {"concept": "Concept", "vastgesteld": "Vastgesteld"}

AANLEIDINGEN = {
    "motie": "Motie uit de gemeenteraad",
    "wetswijziging": "Landelijke wetswijziging",
    "initiatief": "Bestuurlijk of ambtelijk initiatief",
    "signalen": "Signalen uit de samenleving",
    "anders": "Anders",
}

WETTEN = (
    "Opiumwet",
    "Alcoholwet",
    "Wet publieke gezondheid",
    "Gemeentewet / APV",
    "Wet Bibob",
    "Wegenverkeerswet",
    "Geneesmiddelenwet",
)
LOKALE_KADERS = (
    "Nota gezondheidsbeleid",
    "Jeugdbeleid",
    "Veiligheidsbeleid",
    "Horeca- en evenementenbeleid",
    "Onderwijsbeleid",
    "Sociaal domein",
)

MODELLEN = {
    "rivm": "RIVM vier pijlers (voorlichting en educatie; signalering, advies en ondersteuning; "
    "fysieke en sociale omgeving; regelgeving en handhaving)",
    "harm_minimisation": "Harm-minimisation: vraagbeperking, aanbodbeperking en harm reduction",
    "oko": "OKO – Opgroeien in een Kansrijke Omgeving",
    "anders": "Ander model",
}

MONITORS = (
    "GGD Gezondheidsmonitor Jeugd",
    "GGD Gezondheidsmonitor Volwassenen en Ouderen",
    "HBSC-onderzoek",
    "Peilstationsonderzoek Scholieren",
    "Middelenmonitor mbo-hbo",
    "Studentenmonitor",
    "Jeugdmonitor CBS",
    "Het Grote Uitgaansonderzoek",
    "Monitor Drugsincidenten (MDI)",
    "DIMS",
    "Antenne",
    "Explore",
    "Nationale Drug Monitor (NDM)",
    "Rioolwateronderzoek",
    "Registraties politie",
    "Registraties verslavingszorg (IVZ/LADIS)",
    "Interviews met professionals",
    "Scanner Lokaal Drugsbeleid",
)

# Kader 2 of the Wat werkt dossier drugs: ten groups at higher risk of harm from use.
KWETSBARE_GROEPEN = (
    "Mensen met minder welvaart, een lager opleidingsniveau en minder werk",
    "Mensen die in een instelling verblijven",
    "Dak- en thuislozen",
    "Spijbelaars, thuiszitters en voortijdig schoolverlaters",
    "Leerlingen in het speciaal onderwijs (cluster 4)",
    "Mensen die in aanraking komen met politie of justitie",
    "Kinderen van ouders met psychische problemen of een verslaving",
    "Mensen met een lichte verstandelijke beperking (LVB)",
    "Mensen met psychische problemen",
    "Mensen die onder zware omstandigheden werken (stress, onregelmatige diensten)",
)

DOMEINEN = {
    "zorg": "Zorg",
    "sociaal": "Sociaal domein",
    "veiligheid": "Veiligheid",
    "onderwijs": "Onderwijs",
    "anders": "Anders",
}

PRIORITEITEN = {"hoog": "Hoog", "middel": "Middel", "laag": "Laag"}

# Where an action stood in one year of the period.
ACTIE_STATUSSEN = {
    "gepland": "Gepland",
    "loopt": "Loopt",
    "afgerond": "Afgerond",
    "gestopt": "Gestopt",
    "niet_gestart": "Niet gestart",
}

HARM_PIJLERS = {
    "vraagbeperking": "Vraagbeperking",
    "aanbodbeperking": "Aanbodbeperking",
    "harm_reduction": "Harm reduction",
}

# The integral components a sound plan combines (Wat werkt dossier drugs; Aalten report).
COMPONENTEN = {
    "voorlichting": "Voorlichting en educatie",
    "vroegsignalering": "Vroegsignalering",
    "deskundigheidsbevordering": "Deskundigheidsbevordering",
    "regelgeving": "Regelgeving, toezicht en handhaving",
    "beleid": "Beleid (school, werk, evenementen)",
    "fysieke_omgeving": "Fysieke omgeving",
}

HANDHAVING_MAATREGELEN = {
    "apv": "APV",
    "bibob": "Wet Bibob",
    "huisregels": "Huisregels",
    "toezicht": "Toezicht op evenementen en horeca",
    "leeftijdsgrens": "Alcoholwet: leeftijdsgrens 18 jaar",
    "anders": "Anders",
}

# Names under which Dutch addiction-care institutions (and their prevention departments) are
# commonly entered, so the plan check can recognise one among the stakeholders.
VERSLAVINGSZORG_NAMEN = (
    "verslavingszorg", "verslavingspreventie", "ivz", "tactus", "jellinek", "brijder",
    "novadic", "kentron", "iriszorg", "victas", "vnn", "antes", "bouman",
)  # fmt: skip
