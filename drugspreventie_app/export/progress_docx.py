"""The progress report as an editable Word document: the same content as the PDF, the charts
as pictures with their description as alternative text."""

from __future__ import annotations

from pathlib import Path

from drugspreventie_app.domain.plan.progress import LIGHT_COLOURS, LIGHT_LABELS
from drugspreventie_app.domain.plan.progress_chart import chart_alt_text, chart_shapes
from drugspreventie_app.export.docx_common import Cell, DocMeta, DocxBuilder, ExportReport, one_line
from drugspreventie_app.export.progress_chart_render import chart_png
from drugspreventie_app.export.progress_report import ProgressReport

USABLE_MM = 174.0
CHART_W, CHART_H = 300.0, 165.0  # points, drawn at 200 dpi
CHART_MM = 110.0
SEVERITIES = (("fout", "Fouten"), ("waarschuwing", "Waarschuwingen"), ("tip", "Tips"))


def _light(light: str) -> Cell:
    # Word shading cannot take white text per cell here: a light tint keeps black text legible
    return Cell(LIGHT_LABELS[light], bold=True, shade=_TINTS[light])


_TINTS = {"op_koers": "C8E6C9", "achter": "FFCDD2", "geen_gegevens": "E0E0E0"}
assert set(_TINTS) == set(LIGHT_COLOURS)


def build_progress_docx(report: ProgressReport) -> DocxBuilder:
    who = report.organisation or report.gemeente
    meta = DocMeta(
        title=f"{report.title} – {report.plan_title}",
        author=report.organisation or report.gemeente or "Drugspreventie Werkbank",
        subject=f"{report.title} {report.gemeente} {report.periode}".strip(),
        footer=one_line(" · ".join(x for x in (who, report.title) if x), 60),
        printed=report.printed,
        keywords="drugspreventie; voortgangsrapportage",
    )
    b = DocxBuilder(meta, ExportReport())
    # cover
    b.para(report.plan_title)
    b.heading(report.title, 1)
    b.table(
        ["Gegeven", "Waarde"],
        [
            ["Gemeente", report.gemeente or "–"],
            ["Planperiode", report.periode],
            ["Stand tot en met", str(report.options.year)],
            ["Datum", f"{report.printed:%d-%m-%Y}"],
            ["Opgesteld door", report.organisation or "–"],
        ],
        [45, USABLE_MM - 45],
    )
    b.page_break()

    b.heading("1. Samenvatting", 1)
    b.paras(report.intro)
    if report.goals:
        rows = []
        for goal in report.goals:
            detail = ", ".join(
                f"{n} {LIGHT_LABELS[key].lower()}" for key, n in goal.counts.items() if n
            )
            rows.append([goal.doel, _light(goal.light), detail])
        b.table(["Doel", "Stoplicht", "Indicatoren"], rows, [100, 28, USABLE_MM - 128])
    else:
        b.para("Het plan heeft nog geen subdoelen met een indicator.")

    b.heading("2. Indicatoren", 1)
    b.para(
        "In elke grafiek: de doorgetrokken lijn met punten is de gemeten waarde, de "
        "gestippelde lijn is op koers (de rechte lijn van nulmeting naar streefwaarde), het "
        "vierkantje is de nulmeting en de ruit de streefwaarde."
    )
    for progress in report.indicators:
        sub = progress.subdoel
        b.heading(sub.omschrijving.strip() or sub.indicator.strip(), 2)
        b.field("Indicator", sub.indicator.strip())
        target = f"{sub.streefwaarde or '–'}" + (f" in {sub.streefjaar}" if sub.streefjaar else "")
        b.field("Nulmeting en streefwaarde", f"{sub.nulmeting or '–'} → {target}")
        b.field("Stoplicht", f"{LIGHT_LABELS[progress.light]}. {progress.reason}")
        png = chart_png(chart_shapes(progress, CHART_W, CHART_H, report.years), CHART_W, CHART_H)
        b.picture(png, CHART_MM, chart_alt_text(progress))

    years = report.covered_years
    span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
    b.heading("3. Acties", 1)
    b.para(f"Status, bereik en uitgaven in {span}.")
    if report.actions:
        b.table(
            ["Actie", "Jaar", "Status", "Bereik", "Uitgegeven", "Begroting", "Toelichting"],
            [
                [
                    a.naam,
                    str(a.jaar or "–"),
                    a.status,
                    a.bereik,
                    a.uitgegeven,
                    a.budget,
                    a.toelichting,
                ]
                for a in report.actions
            ],
            [34, 12, 19, 22, 21, 28, USABLE_MM - 136],
        )
    else:
        b.para("Het plan heeft nog geen acties.")
    b.para(report.spending)

    b.heading("4. Metingen en bronnen", 1)
    if report.measurements:
        b.table(
            ["Subdoel", "Jaar", "Waarde", "Groep", "Bron", "Toelichting"],
            [
                [m.subdoel, m.jaar, m.waarde, m.groep, m.bron, m.toelichting]
                for m in report.measurements
            ],
            [40, 12, 17, 25, 40, USABLE_MM - 134],
        )
    else:
        b.para("Er zijn nog geen metingen vastgelegd.")

    b.heading("5. Open punten uit de plancheck", 1)
    if not report.findings:
        b.para("De plancheck vond geen open punten.")
    for key, title in SEVERITIES:
        items = [f for f in report.findings if getattr(f, "severity", "") == key]
        if items:
            b.heading(f"{title} ({len(items)})", 2)
            b.bullets(f"{f.text}\n\nBron: {f.source}" for f in items)
    return b


def write_progress_docx(target: Path, report: ProgressReport) -> ExportReport:
    return build_progress_docx(report).save(Path(target))
