"""The progress report (jaarlijks, tussenevaluatie, eindevaluatie) as one `Document`: cover,
summary with a traffic light per goal, a chart per indicator, actions, measurements and the
open points of the plan check. Written as PDF or Word by the file's suffix."""

from __future__ import annotations

from drugspreventie_app.domain.plan.progress import LIGHT_COLOURS, LIGHT_LABELS
from drugspreventie_app.domain.plan.progress_chart import LEGEND, chart_alt_text, chart_shapes
from drugspreventie_app.export import document as dm
from drugspreventie_app.export.plan_document import SEVERITIES
from drugspreventie_app.export.progress_report import ProgressReport

USABLE_MM = 174.0
CHART_W, CHART_H = 250.0, 150.0  # points
CHART_MM = 110.0
# a light tint behind black text stays legible in both formats and in black and white
TINTS = {"op_koers": "#C8E6C9", "achter": "#FFCDD2", "geen_gegevens": "#E0E0E0"}
assert set(TINTS) == set(LIGHT_COLOURS)
SYMBOLS = {"line": "━", "dashed": "╌", "square": "□", "diamond": "◇"}


def _light(light: str) -> dm.Cell:
    return dm.Cell(LIGHT_LABELS[light], bold=True, fill=TINTS[light])


def progress_document(report: ProgressReport) -> dm.Document:
    who = report.organisation or report.gemeente
    meta = dm.DocumentMeta(
        title=f"{report.title} – {report.plan_title}",
        author=report.organisation or report.gemeente or dm.APP_NAME,
        subject=f"{report.title} {report.gemeente} {report.periode}".strip(),
        footer=dm.one_line(" · ".join(x for x in (who, report.title) if x), 60),
        printed=report.printed,
        keywords="drugspreventie; voortgangsrapportage",
    )
    doc = dm.Document(meta, report=dm.ExportReport())
    # cover
    doc.add(
        dm.Space(40),
        dm.Paragraph(report.plan_title, "kicker"),
        dm.Heading(report.title, 1, style="title"),
    )
    facts = [
        ("Gemeente", report.gemeente or "–"),
        ("Planperiode", report.periode),
        ("Stand tot en met", str(report.options.year)),
        ("Datum", f"{report.printed:%d-%m-%Y}"),
        ("Opgesteld door", report.organisation or "–"),
    ]
    doc.table(["Gegeven", "Waarde"], facts, (45, USABLE_MM - 45))
    doc.add(dm.PageBreak(), dm.Heading("1. Samenvatting", 1))
    doc.paras(report.intro)
    if report.goals:
        rows = []
        for goal in report.goals:
            detail = ", ".join(
                f"{n} {LIGHT_LABELS[key].lower()}" for key, n in goal.counts.items() if n
            )
            rows.append([goal.doel, _light(goal.light), detail])
        doc.table(["Doel", "Stoplicht", "Indicatoren"], rows, (100, 28, USABLE_MM - 128))
    else:
        doc.paras("Het plan heeft nog geen subdoelen met een indicator.")

    doc.add(dm.Heading("2. Indicatoren", 1))
    legend = "; ".join(f"{SYMBOLS[kind]} {text}" for kind, _c, text in LEGEND)
    doc.paras(f"In elke grafiek: {legend}.", "muted")
    for progress in report.indicators:
        sub = progress.subdoel
        target = f"{sub.streefwaarde or '–'}" + (f" in {sub.streefjaar}" if sub.streefjaar else "")
        shapes = chart_shapes(progress, CHART_W, CHART_H, report.years)
        doc.add(
            dm.Group(
                (
                    dm.Heading(sub.omschrijving.strip() or sub.indicator.strip(), 2),
                    dm.Field("Indicator", sub.indicator.strip()),
                    dm.Field("Nulmeting en streefwaarde", f"{sub.nulmeting or '–'} → {target}"),
                    dm.Field("Stoplicht", f"{LIGHT_LABELS[progress.light]}. {progress.reason}"),
                    dm.Figure(
                        "chart",
                        chart_alt_text(progress),
                        data=(shapes, CHART_W, CHART_H, CHART_MM),
                    ),
                )
            )
        )
    if not report.indicators:
        doc.paras("Er zijn nog geen subdoelen met een indicator.")

    years = report.covered_years
    span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
    doc.add(dm.Heading("3. Acties", 1))
    doc.paras(f"Status, bereik en uitgaven in {span}.")
    if report.actions:
        doc.table(
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
            (36, 13, 18, 25, 23, 28, USABLE_MM - 143),
            compact=True,
        )
    else:
        doc.paras("Het plan heeft nog geen acties.")
    doc.paras(report.spending)

    doc.add(dm.Heading("4. Metingen en bronnen", 1))
    if report.measurements:
        doc.table(
            ["Subdoel", "Jaar", "Waarde", "Groep", "Bron", "Toelichting"],
            [
                [m.subdoel, m.jaar, m.waarde, m.groep, m.bron, m.toelichting]
                for m in report.measurements
            ],
            (42, 11, 16, 25, 40, USABLE_MM - 134),
            compact=True,
        )
    else:
        doc.paras("Er zijn nog geen metingen vastgelegd.")

    doc.add(dm.Heading("5. Open punten uit de plancheck", 1))
    if not report.findings:
        doc.paras("De plancheck vond geen open punten.")
    for key, title in SEVERITIES:
        items = [f for f in report.findings if getattr(f, "severity", "") == key]
        if items:
            doc.add(
                dm.Heading(f"{title} ({len(items)})", 2),
                dm.BulletList(
                    tuple(str(f.text) for f in items),
                    tuple(f"Bron: {f.source}" for f in items),
                ),
            )
    return doc
