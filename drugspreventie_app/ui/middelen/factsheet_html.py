"""The factsheet as HTML for the detail view (Qt's rich-text subset). Every value is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from drugspreventie_app.content.factsheets import background, emergency_guide
from drugspreventie_app.domain.factsheet import Background, EmergencyGuide, Factsheet, format_date


def _e(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th align='left' bgcolor='#e8e8e8'>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>" for r in rows)
    return (
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<tr>{head}</tr>{body}</table>"
    )


def emergency_html(sheet: Factsheet, guide: EmergencyGuide) -> str:
    """'Wat te doen bij een noodgeval': the general steps, then this substance's own points."""
    sources = "; ".join(dict.fromkeys(x for x in (guide.bron, sheet.noodgeval_bron) if x))
    return "".join(
        [
            f"<h2>{_e(guide.titel)}</h2>",
            _list(guide.stappen),
            f"<h3>Bij {_e(sheet.naam)}</h3>",
            _list(sheet.noodgeval_specifiek),
            f"<p><small>Bron: {_e(sources)}</small></p>",
        ]
    )


def background_html(bg: Background) -> str:
    def terms(pairs: Sequence[tuple[str, str]]) -> str:
        return "<ul>" + "".join(f"<li><b>{_e(n)}</b>: {_e(t)}</li>" for n, t in pairs) + "</ul>"

    return "".join(
        [
            f"<h2>Achtergrond</h2><h3>{_e(bg.fasen_titel)}</h3><p>{_e(bg.fasen_inleiding)}</p>",
            terms(bg.fasen),
            f"<h3>{_e(bg.dss_titel)}</h3><p>{_e(bg.dss_inleiding)}</p>",
            terms(bg.dss),
            f"<p><small>Bron: {_e(bg.bron)}</small></p>",
            f"<h3>{_e(bg.cijfers_titel)}</h3>" if bg.cijfers else "",
            _table(
                ("Groep", "Jaar", "Cijfer", "Bron"),
                [(c.groep, c.jaar, c.waarde, c.bron) for c in bg.cijfers],
            )
            if bg.cijfers
            else "",
        ]
    )


def factsheet_html(
    sheet: Factsheet, guide: EmergencyGuide | None = None, bg: Background | None = None
) -> str:
    s = sheet
    guide = guide or s.noodgeval_algemeen or emergency_guide()
    bg = bg or s.achtergrond or background()
    # Name, legal status line and peildatum sit above the scroll area (always visible);
    # the HTML starts with what the status means.
    parts = [
        f"<p>{_e(s.status.samenvatting)}</p>",
        "<h2>Kernpunten</h2>",
        _list(s.kernpunten),
        emergency_html(s, guide),
        "<h2>Wat is het?</h2>",
        f"<p>{_e(s.wat_is_het)}</p>",
        f"<p><b>Stofgroep:</b> {_e(s.stofgroep)}</p>",
    ]
    if s.straatnamen:
        parts.append(f"<p><b>Straatnamen:</b> {_e(', '.join(s.straatnamen))}</p>")
    parts += [
        "<h2>Werking</h2>",
        f"<p><b>{_e(', '.join(s.werking))}</b></p><p>{_e(s.werking_toelichting)}</p>",
        "<h2>Gebruik in cijfers</h2>",
        _table(
            ("Groep", "Jaar", "Cijfer", "Bron"),
            [(c.groep, c.jaar, c.waarde, c.bron) for c in s.cijfers],
        ),
    ]
    if s.cijfers_toelichting:
        parts.append(f"<p><small>{_e(s.cijfers_toelichting)}</small></p>")
    if s.markt:
        parts.append(f"<h3>Markt en prijs</h3><p>{_e(s.markt)}</p>")
    parts += [
        "<h2>Inname, dosering en werkingsduur</h2>",
        f"<p>{_e(s.inname_vormen)}</p>",
        _table(
            ("Manier", "Dosering", "Begint na", "Duur"),
            [(r.route, r.dosis or "–", r.intrede or "–", r.duur or "–") for r in s.routes],
        ),
    ]
    if s.inname_toelichting:
        parts.append(f"<p>{_e(s.inname_toelichting)}</p>")
    parts += [
        "<h2>Effecten</h2><h3>Gewenst</h3>",
        _list(s.effecten_gewenst),
        "<h3>Ongewenst</h3>",
        _list(s.effecten_ongewenst),
        "<h2>Risico's</h2><h3>Korte termijn</h3>",
        _list(s.risico_kort),
        "<h3>Lange termijn</h3>",
        _list(s.risico_lang),
        f"<h3>Verslaving</h3><p>{_e(s.verslaving)}</p>",
        "<h3>Gevaarlijke combinaties</h3>",
        _list(s.combinaties),
        "<h2>Wetgeving</h2>",
        f"<p>{_e(s.wetgeving)}</p>",
    ]
    if s.status.historie:
        parts.append(_list([f"{format_date(e.datum)}: {e.gebeurtenis}" for e in s.status.historie]))
    parts += [
        "<h2>Signalen</h2>",
        _list(s.signalen),
        "<h2>Preventie en communicatie</h2><h3>Wel doen</h3>",
        _list(s.preventie_doen),
        "<h3>Niet doen</h3>",
        _list(s.preventie_niet_doen),
    ]
    if s.jongeren_waarschuwing:
        parts.append(
            "<h3>Voorlichting aan jongeren die niet gebruiken</h3>"
            f"<p>{_e(s.jongeren_waarschuwing)}</p>"
        )
    parts += [
        background_html(bg),
        "<h2>Hulp en informatie</h2>",
        _list(
            [f"{h.naam}{f' ({h.contact})' if h.contact else ''}: {h.toelichting}" for h in s.hulp]
        ),
        "<h2>Bronnen</h2>",
        _list([b.citation() for b in s.bronnen]),
    ]
    return "\n".join(parts)
