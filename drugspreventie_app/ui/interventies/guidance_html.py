"""Guidance and intervention details as HTML for the tab's text panes; all values escaped."""

from __future__ import annotations

from html import escape

from drugspreventie_app.domain.age_range import AgeRange
from drugspreventie_app.domain.guidance import Advice
from drugspreventie_app.domain.intervention import (
    MIDDELEN,
    NIVEAUS,
    PIJLERS,
    SETTINGS,
    Intervention,
)


def _list(items) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def niet_doen_html(advice: Advice) -> str:
    if not advice.niet_doen:
        return ""
    rows = "".join(
        f"<li><b>{escape(d.tekst)}</b><br>{escape(d.reden)}</li>" for d in advice.niet_doen
    )
    return f"<h3 style='color:#8a1c00'>Niet doen</h3><ul>{rows}</ul>"


def advice_html(advice: Advice, setting_label: str, age: AgeRange | None) -> str:
    if advice.empty:
        return f"<p>Voor {escape(setting_label)} zijn geen richtlijnen opgenomen.</p>"
    age_text = f", {age.text()}" if age is not None else ""
    parts = [f"<h2>{escape(setting_label)}{age_text}</h2>", niet_doen_html(advice)]
    if advice.setting:
        g = advice.setting
        parts.append("<h3>Wat werkt</h3>" + _list(g.wat_werkt))
        if g.wat_werkt_niet:
            parts.append("<h3>Wat werkt niet</h3>" + _list(g.wat_werkt_niet))
        if g.reflectie:
            parts.append(f"<h3>Reflectie</h3><p>{escape(g.reflectie)}</p>")
    for band in advice.bands:
        parts.append(f"<h3>Richtlijnen verslavingspreventie, {escape(band.label)}</h3>")
        parts.append("<p><b>Universeel</b></p>" + _list(band.universeel))
        parts.append("<p><b>Selectief en geïndiceerd</b></p>" + _list(band.selectief_geindiceerd))
    if advice.media_wat_werkt:
        parts.append("<h3>Communicatie die werkt</h3>" + _list(advice.media_wat_werkt))
    parts.append("<p><small>Bron: " + escape("; ".join(sorted(advice.sources()))) + "</small></p>")
    return "\n".join(parts)


def intervention_html(item: Intervention) -> str:
    def labels(values, names) -> str:
        return escape(", ".join(names.get(v, v) for v in values)) or "–"

    rows = [
        ("Erkenning", escape(item.erkenning)),
        ("Doelgroep", escape(item.doelgroep) or "–"),
        ("Leeftijd", escape(item.age_text())),
        ("Settings", labels(item.settings, SETTINGS)),
        ("Preventieniveaus", labels(item.niveaus, NIVEAUS)),
        ("Middelen", labels(item.middelen, MIDDELEN)),
        ("Pijlers (RIVM)", labels(item.pijlers, PIJLERS)),
        ("Onderdeel van", escape(item.onderdeel_van or "–")),
        ("Aanbieder", escape(item.aanbieder or "–")),
        ("Bron", escape(item.bron or ("eigen invoer" if item.lokaal else "–"))),
    ]
    table = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
    local = " <i>(eigen, lokaal)</i>" if item.lokaal else ""
    return (
        f"<h2>{escape(item.naam)}{local}</h2><p>{escape(item.beschrijving)}</p>"
        f"<table cellpadding='3'>{table}</table>"
    )
