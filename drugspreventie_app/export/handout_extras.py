"""What the handouts add to a factsheet: the emergency section, the background for
professionals and the regional institution next to the Drugs Infolijn.

Format-neutral: each function returns blocks (kind, content) that the PDF and the Word
handout draw in their own way, so both print the same words.
"""

from __future__ import annotations

from drugspreventie_app.domain.factsheet import Audience, Factsheet
from drugspreventie_app.domain.profile import OrganisationProfile

Block = tuple[str, "str | list[str]"]  # ("h1" | "h2" | "bullets" | "small", content)

YOUTH_EMERGENCY_TITLE = "Als het misgaat"
GENERIC_REGIONAL = "Regionale instelling voor verslavingszorg"


def emergency_blocks(sheet: Factsheet, audience: Audience) -> list[Block]:
    """'Wat te doen bij een noodgeval' for professionals and parents; the same in
    harm-reduction words for young people."""
    guide = sheet.noodgeval_algemeen
    if guide is None and not sheet.noodgeval_specifiek:
        return []
    if audience is Audience.JONGEREN:
        steps = list(guide.jongeren) if guide else []
        return [
            ("h1", YOUTH_EMERGENCY_TITLE),
            ("bullets", steps + list(sheet.noodgeval_jongeren)),
            ("small", _source_line(sheet)),
        ]
    blocks: list[Block] = [("h1", guide.titel if guide else "Wat te doen bij een noodgeval")]
    if guide:
        blocks.append(("bullets", list(guide.stappen)))
    blocks += [
        ("h2", f"Bij {sheet.naam}"),
        ("bullets", list(sheet.noodgeval_specifiek)),
        ("small", _source_line(sheet)),
    ]
    return blocks


def _source_line(sheet: Factsheet) -> str:
    return f"Bron: {sheet.noodgeval_bronnen}"


def background_blocks(sheet: Factsheet) -> list[Block]:
    """Stages of use and drug-set-setting, for the professional handout."""
    bg = sheet.achtergrond
    if bg is None:
        return []
    return [
        ("h1", "Achtergrond"),
        ("h2", bg.fasen_titel),
        ("small", bg.fasen_inleiding),
        ("bullets", [f"{naam}: {tekst}" for naam, tekst in bg.fasen]),
        ("h2", bg.dss_titel),
        ("small", bg.dss_inleiding),
        ("bullets", [f"{naam}: {tekst}" for naam, tekst in bg.dss]),
        ("small", f"Bron: {bg.bron}"),
        *(
            [
                ("h2", bg.cijfers_titel),
                (
                    "bullets",
                    [f"{c.groep} ({c.jaar}): {c.waarde}. Bron: {c.bron}." for c in bg.cijfers],
                ),
            ]
            if bg.cijfers
            else []
        ),
    ]


def regional_line(profile: OrganisationProfile) -> str | None:
    """The regional institution chosen in Instellingen, as one handout line."""
    inst = profile.regionale_instelling
    if inst is None or not inst.naam.strip():
        return None
    contact = f" ({inst.contact})" if inst.contact.strip() else ""
    where = f" voor {profile.regio}" if profile.regio.strip() else ""
    return f"{inst.naam}{contact}: de verslavingszorg{where}, voor hulp, advies en preventie."


def national_help_lines(sheet: Factsheet, profile: OrganisationProfile) -> list[str]:
    """The sheet's help list, with the regional institution right after the Drugs Infolijn
    when one is chosen (it then replaces the sheet's generic 'regional institution' line)."""
    regional = regional_line(profile)
    lines: list[str] = []
    placed = False
    for h in sheet.hulp:
        if regional and h.naam.startswith(GENERIC_REGIONAL):
            continue
        lines.append(f"{h.naam}{f' ({h.contact})' if h.contact else ''}: {h.toelichting}")
        if regional and not placed and h.naam.startswith("Drugs Infolijn"):
            lines.append(regional)
            placed = True
    if regional and not placed:  # a sheet without the Drugs Infolijn still names the region
        lines.insert(0, regional)
    return lines
